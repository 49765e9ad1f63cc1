package org.baomi.server.home;

/**
 * One figure on the home dashboard. {@code tone} is a CSS class: "" (neutral), "good",
 * "attention" or "alarm"; {@code link} opens the list behind the figure.
 */
public record DashboardCard(int order, String labelKey, long value, String tone, String link) {
}
