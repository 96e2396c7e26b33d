package ru.eshkola.kit.problems;

import java.io.IOException;

/** The request body is larger than {@code eshkola.web.max-request-size}. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
    }
}
