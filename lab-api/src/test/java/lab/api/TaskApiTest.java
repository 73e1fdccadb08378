package lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import lab.core.record.Json;
import lab.core.store.StoreType;
import lab.core.store.TaskStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Task API over HTTP, on every store: the status codes and bodies of each route. */
class TaskApiTest {

    static final String DRAFT = "{\"title\":\"write the load test\",\"description\":\"wrk\",\"status\":\"TODO\"}";

    static Response send(HttpClient client, String method, String path, String body) {
        HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return client.request(path, b -> {
            switch (method) {
                case "GET" -> b.get();
                case "POST" -> b.post(content);
                case "PUT" -> b.put(content);
                case "DELETE" -> b.delete(content);
                default -> throw new IllegalArgumentException(method);
            }
            b.header("Content-Type", "application/json");
        });
    }

    static JsonNode json(Response r) throws IOException {
        return Json.MAPPER.readTree(r.body().string());
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void createReadUpdateDeleteAndList(StoreType type) {
        try (TaskStore store = type.create()) {
            JavalinTest.test(TaskApi.create(store), (server, client) -> {
                Response created = send(client, "POST", "/tasks", DRAFT);
                assertThat(created.code()).isEqualTo(201);
                JsonNode task = json(created);
                int id = task.get("id").asInt();
                assertThat(id).isEqualTo(1);
                assertThat(task.get("title").asText()).isEqualTo("write the load test");
                assertThat(task.get("status").asText()).isEqualTo("TODO");
                assertThat(task.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                assertThat(store.get(id)).isNotNull();

                Response read = client.get("/tasks/" + id);
                assertThat(read.code()).isEqualTo(200);
                assertThat(json(read)).isEqualTo(task);

                Response updated = send(client, "PUT", "/tasks/" + id, "{\"title\":\"run it\",\"description\":\"\",\"status\":\"DONE\"}");
                assertThat(updated.code()).isEqualTo(200);
                JsonNode after = json(updated);
                assertThat(after.get("id").asInt()).isEqualTo(id);
                assertThat(after.get("status").asText()).isEqualTo("DONE");
                assertThat(after.get("createdAt")).isEqualTo(task.get("createdAt"));
                assertThat(store.get(id).title()).isEqualTo("run it");

                assertThat(send(client, "POST", "/tasks", DRAFT).code()).isEqualTo(201);
                JsonNode all = json(client.get("/tasks"));
                assertThat(all.isArray()).isTrue();
                assertThat(all).extracting(n -> n.get("id").asInt()).containsExactlyInAnyOrder(1, 2);

                Response deleted = send(client, "DELETE", "/tasks/" + id, null);
                assertThat(deleted.code()).isEqualTo(204);
                assertThat(deleted.body().string()).isEmpty();
                assertThat(store.get(id)).isNull();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreType.class, names = {"MEMORY", "CHANNEL"})
    void unknownIdsAre404OnEveryRoute(StoreType type) {
        try (TaskStore store = type.create()) {
            JavalinTest.test(TaskApi.create(store), (server, client) -> {
                for (Response r : new Response[] {client.get("/tasks/7"), send(client, "PUT", "/tasks/7", DRAFT),
                        send(client, "DELETE", "/tasks/7", null)}) {
                    assertThat(r.code()).isEqualTo(404);
                    assertThat(json(r).get("error").asText()).isEqualTo("no task with id 7");
                }
                assertThat(store.size()).isZero();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreType.class, names = {"MEMORY", "NON_BLOCKING"})
    void invalidBodiesAre400WithTheStoresReason(StoreType type) {
        try (TaskStore store = type.create()) {
            JavalinTest.test(TaskApi.create(store), (server, client) -> {
                String longTitle = "x".repeat(201);
                assertRefused(client, "POST", "/tasks", "{\"title\":\"" + longTitle + "\",\"status\":\"TODO\"}",
                        "task title is 201 characters long, at most 200 are allowed");
                assertRefused(client, "POST", "/tasks", "{\"title\":\"t\",\"status\":\"LATER\"}",
                        "unknown task status 'LATER': expected one of TODO, IN_PROGRESS, DONE");
                assertRefused(client, "POST", "/tasks", "{\"title\":\"t\"}",
                        "task status must be one of TODO, IN_PROGRESS, DONE, was null");
                assertRefused(client, "POST", "/tasks", "{\"title\":\"  \",\"status\":\"TODO\"}", "task title must not be blank");
                assertRefused(client, "POST", "/tasks", "{\"id\":5,\"title\":\"t\",\"status\":\"TODO\"}",
                        "a draft has id 0 (the store assigns ids), was 5");
                assertRefused(client, "POST", "/tasks", "{\"title\":", "the body is not a task in JSON: ");
                assertRefused(client, "POST", "/tasks", "", "the body is not a task in JSON: ");
                assertRefused(client, "POST", "/tasks", "null", "the body must be a task");
                assertThat(store.size()).isZero();

                assertThat(send(client, "POST", "/tasks", DRAFT).code()).isEqualTo(201);
                assertRefused(client, "PUT", "/tasks/1", "{\"title\":\"t\",\"status\":\"NOPE\"}", "unknown task status 'NOPE'");
                assertRefused(client, "PUT", "/tasks/1", "{\"id\":2,\"title\":\"t\",\"status\":\"DONE\"}",
                        "the body's id 2 is not the path's id 1");
                assertRefused(client, "GET", "/tasks/one", null, "a task id is a whole number, was 'one'");
                assertThat(store.get(1).title()).isEqualTo("write the load test");
            });
        }
    }

    private static void assertRefused(HttpClient client, String method, String path, String body, String reason)
            throws IOException {
        Response r = send(client, method, path, body);
        assertThat(r.code()).as(method + " " + path + " " + body).isEqualTo(400);
        JsonNode error = json(r);
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("error").asText()).startsWith(reason);
    }
}
