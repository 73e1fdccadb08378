/**
 * The Task API: the HTTP service the decision log's stores were the storage layer of, over any
 * {@link lab.core.store.StoreType} ({@link lab.api.TaskApi#create}). Its own small Javalin app,
 * not the report site. Layers: {@code lab.core} ← {@code lab.api} ← {@code lab.api.load} ←
 * {@code lab.web}; the API knows nothing of load testing.
 */
package lab.api;
