package ru.eshkola.kit.problems;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal a service reports to its caller as an RFC 9457 problem. Thrown before anything is written, so a
 * refused request changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, URI type, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** The addressed resource does not exist. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                what + " " + id + " does not exist", List.of());
    }

    /** One input field breaks a rule; the request is refused as a whole. */
    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldProblem(field, reason)));
    }

    /** Input fields break rules; the request is refused as a whole. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Validation failed",
                errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().reason()
                        : errors.size() + " fields are invalid",
                errors);
    }

    /** The request is valid but conflicts with the current state. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.of(slug), "Conflict", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
