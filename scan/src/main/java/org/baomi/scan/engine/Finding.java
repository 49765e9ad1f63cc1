package org.baomi.scan.engine;

/**
 * One thing found in one file, as SPEC section 5 prints it.
 *
 * @param rule       rule id, e.g. {@code marking.cn}, {@code keyword}, {@code pattern.cn-resident-id}
 * @param category   marking, keyword or pattern
 * @param level      classification level for markings (e.g. 机密, TOP SECRET), else null
 * @param text       the original text matched, as it stands in the document
 * @param location   where: {@code page 1}, {@code sheet Sheet1}, {@code header}, {@code line 12}, ...
 * @param offset     UTF-16 offset of the match in the extracted text of that location
 * @param context    a short snippet around the match, on one line
 * @param confidence how sure the engine is
 */
public record Finding(String rule, Category category, String level, String text, String location, long offset,
                      String context, Confidence confidence) {
}
