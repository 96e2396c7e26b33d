package ru.eshkola.kit.problems;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Fills what every problem carries, whichever path produced it. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail complete(ProblemDetail problem, HttpStatusCode status, String path) {
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(ProblemTypes.forStatus(status));
        }
        if (problem.getInstance() == null && path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException ignored) {
                // a path that is no valid URI reference is simply not echoed
            }
        }
        return problem;
    }
}
