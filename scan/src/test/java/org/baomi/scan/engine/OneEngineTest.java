package org.baomi.scan.engine;

import java.time.Duration;
import java.util.List;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class that scans files one by one with one engine of its own: built-in markings, depth
 * 3, generous limits, one thread; closed when the class is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneEngineTest {
    final Engine engine = new Engine(new RuleSet().withBuiltInMarkings(),
            new Limits(3, 50L << 20, 1L << 30, 100, Duration.ofSeconds(60), 100, 8L << 20), 1);

    @AfterAll
    void close() {
        engine.close();
    }

    /** The result of the file itself (after those of the files inside it). */
    FileResult top(String name, byte[] data) {
        List<FileResult> all = engine.scan(name, data);
        return all.get(all.size() - 1);
    }
}
