package ru.eshkola.notification.digests;

/**
 * A kind of digest and what becomes of it when its hour has come: the feature that collects the items turns the
 * closed digest into mails. Must be idempotent (a digest is flushed again when an instance died while flushing it):
 * derive message ids from the digest's id.
 */
public interface DigestKind {

    String name();

    void flush(ClosedDigest digest);
}
