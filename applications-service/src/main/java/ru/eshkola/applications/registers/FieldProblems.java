package ru.eshkola.applications.registers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;

/** Collects what is wrong with a request, so that one answer names every field at once. */
public final class FieldProblems {

    /** Clocks of a school's PC and of the service differ a little; a time further in the future is a typo. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldProblems add(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
        return this;
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(problems));
        }
    }
}
