package ru.eshkola.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsubscribeLinksTests {

    final UnsubscribeLinks links = new UnsubscribeLinks(new PreferenceSettings(18, "secret-1", "https://mail.example/"));

    @Test
    void aSignedLinkNamesItsRecipientAndCategory() {
        String url = links.url("account-1", Category.GRADES).orElseThrow();
        assertThat(url).startsWith("https://mail.example/api/v1/unsubscribe?token=");
        String token = url.substring(url.indexOf("token=") + 6);
        assertThat(links.verify(token)).contains(new UnsubscribeLinks.Subscription("account-1", Category.GRADES));
    }

    @Test
    void mandatoryCategoriesGetNoLink() {
        assertThat(links.url("account-1", Category.MAINTENANCE)).isEmpty();
        assertThat(links.url("account-1", Category.CREDENTIALS)).isEmpty();
    }

    @Test
    void aChangedPayloadOrAnotherSecretsSignatureIsRefused() {
        String token = links.token("account-1", Category.GRADES);
        String other = links.token("account-2", Category.GRADES);
        String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(links.verify(forged)).isEmpty();
        UnsubscribeLinks elsewhere = new UnsubscribeLinks(new PreferenceSettings(18, "secret-2", "https://x"));
        assertThat(elsewhere.verify(token)).isEmpty();
        assertThat(links.verify("garbage")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
    }
}
