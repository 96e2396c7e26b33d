package ru.eshkola.notification.mail;

/** A template rendered for one message: the subject and both parts. */
public record RenderedMail(String subject, String text, String html) {
}
