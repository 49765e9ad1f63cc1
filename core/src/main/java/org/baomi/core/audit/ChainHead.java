package org.baomi.core.audit;

/**
 * The last entry of the chain as recorded beside it, with its own MAC, so that cutting entries
 * off the end of the log is detected too.
 */
public record ChainHead(long seq, String hash, String mac) {
}
