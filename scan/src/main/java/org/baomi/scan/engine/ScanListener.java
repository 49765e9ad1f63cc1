package org.baomi.scan.engine;

/** Receives each file's result as soon as it is finished; called from worker threads, one call at a time. */
@FunctionalInterface
public interface ScanListener {
    void onFile(FileResult result);
}
