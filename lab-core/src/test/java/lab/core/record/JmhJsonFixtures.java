package lab.core.record;

/** JMH JSON texts the tests build: our own shape, and the foreign shapes readers must tolerate. */
final class JmhJsonFixtures {

    private JmhJsonFixtures() {
    }

    /** Our own benchmark shape: avgt, a store param, gc and lab secondaries with JMH's "·" prefix. */
    static String ownResult(String store, double score, double error) {
        return """
            {
              "jmhVersion" : "1.37",
              "benchmark" : "lab.core.bench.ReadBenchmark.read",
              "mode" : "avgt",
              "threads" : 2,
              "forks" : 2,
              "jvm" : "/usr/lib/jvm/java-17/bin/java",
              "jdkVersion" : "17.0.15",
              "vmName" : "OpenJDK 64-Bit Server VM",
              "vmVersion" : "17.0.15+6",
              "warmupIterations" : 1,
              "warmupTime" : "1 s",
              "measurementIterations" : 3,
              "measurementTime" : "1 s",
              "params" : { "store" : "%s", "datasetSize" : "10000" },
              "primaryMetric" : {
                "score" : %s,
                "scoreError" : %s,
                "scoreConfidence" : [ 1.0, 2.0 ],
                "scorePercentiles" : { "0.0" : 1.0, "50.0" : 1.5, "100.0" : 2.0 },
                "scoreUnit" : "ns/op",
                "rawData" : [ [ 1.0, 2.0, 3.0 ], [ 4.0, 5.0, 6.0 ] ]
              },
              "secondaryMetrics" : {
                "\u00b7gc.alloc.rate.norm" : { "score" : 0.0, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
                   "scoreUnit" : "B/op", "rawData" : [ [ 0.0, 0.0, 0.0 ], [ 0.0, 0.0, 0.0 ] ] },
                "lab.lock.acquire.norm" : { "score" : 1.0, "scoreError" : 0.0, "scoreUnit" : "#/op",
                   "rawData" : [ [ 1.0, 1.0, 1.0 ], [ 1.0, 1.0, 1.0 ] ] }
              }
            }""".formatted(store, score, error);
    }

    static String array(String... entries) {
        return "[\n" + String.join(",\n", entries) + "\n]";
    }

    /** Sample mode with histograms, no jmhVersion, no JVM fields, a "+INF" error, a @Group member. */
    static final String FOREIGN_SAMPLE_GROUP = """
        [ {
            "benchmark" : "org.example.QueueBench.pingPong",
            "mode" : "sample",
            "threads" : 2,
            "forks" : 1,
            "params" : { "size" : "16" },
            "primaryMetric" : {
              "score" : 150.0,
              "scoreError" : "+INF",
              "scoreConfidence" : [ "-INF", "+INF" ],
              "scoreUnit" : "ns/op",
              "rawDataHistogram" : [ [ [ [ 100.0, 1 ], [ 200.0, 1 ] ], [ [ 150.0, 4 ] ] ] ]
            },
            "secondaryMetrics" : {
              "ping" : { "score" : 140.0, "scoreError" : "NaN", "scoreUnit" : "ns/op",
                         "rawDataHistogram" : [ [ [ [ 140.0, 2 ] ] ] ] },
              "pong" : { "score" : 160.0, "scoreError" : "NaN", "scoreUnit" : "ns/op",
                         "rawDataHistogram" : [ [ [ [ 160.0, 2 ] ] ] ] }
            }
          },
          {
            "benchmark" : "org.example.Startup.coldStart",
            "mode" : "ss",
            "threads" : 1,
            "forks" : 3,
            "primaryMetric" : { "score" : 12.5, "scoreError" : 1.5, "scoreUnit" : "ms/op",
                                "rawData" : [ [ 12.0 ], [ 13.0 ], [ 12.5 ] ] },
            "secondaryMetrics" : { }
          },
          {
            "benchmark" : "org.example.Throughput.put",
            "mode" : "thrpt",
            "threads" : 4,
            "primaryMetric" : { "score" : "NaN", "scoreError" : "NaN", "scoreUnit" : "ops/us", "rawData" : [ ] }
          } ]
        """;
}
