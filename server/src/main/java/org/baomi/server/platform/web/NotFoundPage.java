package org.baomi.server.platform.web;

/**
 * Marks a page controller whose {@link org.baomi.server.platform.NotFoundException} — a record that
 * does not exist or lies outside the reader's units — shows the ordinary 404 page
 * ({@link NotFoundPages}).
 */
public interface NotFoundPage {
}
