package ru.eshkola.applications.accounts;

import java.time.Instant;

/** In-process event: an account was blocked; whoever keeps its tokens drops those issued before {@code at}. */
public record AccountBlocked(String accountId, Instant at) {
}
