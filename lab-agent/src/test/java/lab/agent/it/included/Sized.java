package lab.agent.it.included;

/** Built with a constructor argument that needs a branch ({@code new Sized(c ? 1 : 2)}). */
public final class Sized {
    final int size;

    public Sized(int size) {
        this.size = size;
    }
}
