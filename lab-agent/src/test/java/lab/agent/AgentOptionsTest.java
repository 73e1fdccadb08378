package lab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void parsesJacocoStyleOptions() {
        AgentOptions o = AgentOptions.parse("includes=lab.core.store.*:java.util.HashMap*,report=out/c.json,duration=30s");
        assertThat(o.includes()).containsExactly("lab.core.store.*", "java.util.HashMap*");
        assertThat(o.report()).isEqualTo("out/c.json");
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void emptyOrMissingOptionsIncludeNothing() {
        assertThat(AgentOptions.parse(null).isIncluded("a.B")).isFalse();
        assertThat(AgentOptions.parse("").includes()).isEmpty();
    }

    @Test
    void starMatchesAcrossPackagesAndNestedClassesButNotOtherPrefixes() {
        AgentOptions o = AgentOptions.parse("includes=java.util.HashMap*:lab.core.store.*");
        assertThat(o.isIncluded("java.util.HashMap")).isTrue();
        assertThat(o.isIncluded("java.util.HashMap$Node")).isTrue();
        assertThat(o.isIncluded("java.util.LinkedHashMap")).isFalse();
        assertThat(o.isIncluded("lab.core.store.sub.Shard$1")).isTrue();
        assertThat(o.isIncluded("lab.core.storeX")).isFalse();
    }

    @Test
    void questionMarkMatchesOneCharacterAndDotsAreLiteral() {
        AgentOptions o = AgentOptions.parse("includes=a.b?");
        assertThat(o.isIncluded("a.bc")).isTrue();
        assertThat(o.isIncluded("a.bcd")).isFalse();
        assertThat(o.isIncluded("aXbc")).isFalse();
    }

    @Test
    void excludesWinOverIncludes() {
        AgentOptions o = AgentOptions.parse("includes=a.*,excludes=a.internal.*");
        assertThat(o.isIncluded("a.B")).isTrue();
        assertThat(o.isIncluded("a.internal.C")).isFalse();
    }

    @Test
    void unknownOptionIsRejectedByName() {
        assertThatThrownBy(() -> AgentOptions.parse("includes=a.*,reprot=x.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option 'reprot'")
                .hasMessageContaining("includes, excludes, report, upload, duration");
    }

    @Test
    void optionWithoutValueIsRejected() {
        assertThatThrownBy(() -> AgentOptions.parse("includes")).hasMessageContaining("'includes' is not key=value");
    }

    @Test
    void durationsInSeveralSpellings() {
        assertThat(AgentOptions.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(AgentOptions.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(AgentOptions.parseDuration("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(AgentOptions.parseDuration("7")).isEqualTo(Duration.ofSeconds(7));
        assertThatThrownBy(() -> AgentOptions.parseDuration("soon")).hasMessageContaining("'duration' has a bad value 'soon'");
        assertThatThrownBy(() -> AgentOptions.parseDuration("0s")).hasMessageContaining("must be positive");
    }

    @Test
    void uploadTakesASiteAddressAndPostsToItsAgentReportsEndpoint() {
        assertThat(AgentOptions.parse("upload=http://127.0.0.1:7070").upload())
                .hasToString("http://127.0.0.1:7070/api/agent-reports");
        assertThat(AgentOptions.parse("upload=http://lab.local:7070/lab/").upload())
                .hasToString("http://lab.local:7070/lab/api/agent-reports");
        assertThat(AgentOptions.parse("upload=HTTP://h:1/api/agent-reports").upload())
                .hasToString("http://h:1/api/agent-reports");
        assertThat(AgentOptions.parse("report=x.json").upload()).isNull();
    }

    @Test
    void aBadUploadAddressIsRejectedSayingWhatIsWrong() {
        assertThatThrownBy(() -> AgentOptions.parse("upload=ftp://h/x")).hasMessageContaining("needs an http:// or https:// URL");
        assertThatThrownBy(() -> AgentOptions.parse("upload=localhost:7070")).hasMessageContaining("needs an http://");
        assertThatThrownBy(() -> AgentOptions.parse("upload=http:///x")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> AgentOptions.parse("upload=http://h:1/?a=b")).hasMessageContaining("without ? or #");
    }

    @Test
    void eachIncludedClassIsAttributedToTheFirstPatternThatMatchesIt() {
        AgentOptions o = AgentOptions.parse("includes=io.javalin.*:io.javalin.http.*:lab.web.*");
        assertThat(o.includePatternOf("io.javalin.http.Context")).isEqualTo("io.javalin.*");
        assertThat(o.includePatternOf("lab.web.WebApp")).isEqualTo("lab.web.*");
        assertThat(o.includePatternOf("org.other.X")).isNull();
    }
}
