package ru.eshkola.kit.problems;

/**
 * What is wrong with one input field. The rejected value is deliberately not echoed: it may be personal data.
 *
 * @param field  the field's path in the request, e.g. {@code grades[3].value} or a query parameter name
 * @param reason why it was refused
 */
public record FieldProblem(String field, String reason) {
}
