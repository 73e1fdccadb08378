package lab.core.store;

/** A request reached a store after {@link TaskStore#close()}. */
public final class StoreClosedException extends IllegalStateException {
    public StoreClosedException(String storeName) {
        super(storeName + " is closed: it takes no more requests");
    }
}
