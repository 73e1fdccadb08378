package lab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Task rejects bad input with messages a user of the Task API can act on. */
class TaskTest {

    @Test
    void rejectsBlankTitle() {
        assertThatThrownBy(() -> Task.draft("  ", "d", TaskStatus.TODO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title must not be blank");
        assertThatThrownBy(() -> Task.draft(null, "d", TaskStatus.TODO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
    }

    @Test
    void rejectsOverLongTitleAndDescriptionNamingTheLimit() {
        String title = "x".repeat(Task.MAX_TITLE_LENGTH + 1);
        assertThatThrownBy(() -> Task.draft(title, "d", TaskStatus.TODO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(Task.MAX_TITLE_LENGTH + 1))
                .hasMessageContaining(String.valueOf(Task.MAX_TITLE_LENGTH));
        String description = "y".repeat(Task.MAX_DESCRIPTION_LENGTH + 1);
        assertThatThrownBy(() -> Task.draft("t", description, TaskStatus.TODO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description");
        assertThat(Task.draft("x".repeat(Task.MAX_TITLE_LENGTH), null, TaskStatus.TODO).description()).isEmpty();
    }

    @Test
    void rejectsUnknownStatusNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> Task.draft("t", "d", "finished"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finished").hasMessageContaining("TODO, IN_PROGRESS, DONE");
        assertThatThrownBy(() -> Task.draft("t", "d", (TaskStatus) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThat(Task.draft("t", "d", " in_progress ").status()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void rejectsNegativeIdAndUpdateBeforeCreation() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new Task(-1, "t", "d", TaskStatus.TODO, now, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new Task(1, "t", "d", TaskStatus.TODO, now, now.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before createdAt");
    }

    @Test
    void updatedKeepsIdAndCreationTime() {
        Task t = Task.draft("t", "d", TaskStatus.TODO).withId(5);
        Task u = t.updated("t2", "d2", TaskStatus.DONE, t.createdAt().minusSeconds(5));
        assertThat(u.id()).isEqualTo(5);
        assertThat(u.createdAt()).isEqualTo(t.createdAt());
        assertThat(u.updatedAt()).isEqualTo(t.createdAt()).as("never before creation");
        assertThat(u.status()).isEqualTo(TaskStatus.DONE);
    }
}
