package ru.eshkola.notification.preferences;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages behind the unsubscribe link of every optional mail. GET only shows what the link would do and asks to
 * confirm (mail scanners open links; a GET that unsubscribed would unsubscribe people who never clicked); POST — the
 * page's button, or a mail client's one-click unsubscribe (RFC 8058) — does it. Russian pages for people.
 */
@Controller
@Tag(name = "Unsubscribe", description = "Signed unsubscribe links (Russian HTML pages)")
class UnsubscribeController {

    private static final String PAGE = "pages/unsubscribe";

    private final UnsubscribeLinks links;
    private final Preferences preferences;

    UnsubscribeController(UnsubscribeLinks links, Preferences preferences) {
        this.links = links;
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/unsubscribe")
    @Operation(summary = "Confirmation page of a signed unsubscribe link")
    ModelAndView confirm(@RequestParam(required = false) String token) {
        return page(token, false);
    }

    @PostMapping("/api/v1/unsubscribe")
    @Operation(summary = "Unsubscribe through a signed link (the page's button or RFC 8058 one-click)")
    ModelAndView unsubscribe(@RequestParam(required = false) String token) {
        return page(token, true);
    }

    private ModelAndView page(String token, boolean perform) {
        Optional<UnsubscribeLinks.Subscription> subscription = links.verify(token);
        if (subscription.isEmpty()) {
            return new ModelAndView(PAGE, Map.of("state", "INVALID"), HttpStatus.BAD_REQUEST);
        }
        Category category = subscription.get().category();
        Map<String, Object> model = Map.of("category", category.russianName(), "token", token);
        if (category.mandatory()) {
            return new ModelAndView(PAGE, with(model, "MANDATORY"), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (!perform) {
            return new ModelAndView(PAGE, with(model, "CONFIRM"), HttpStatus.OK);
        }
        preferences.unsubscribe(subscription.get().recipientId(), category);
        return new ModelAndView(PAGE, with(model, "DONE"), HttpStatus.OK);
    }

    private static Map<String, Object> with(Map<String, Object> model, String state) {
        var copy = new java.util.HashMap<>(model);
        copy.put("state", state);
        return copy;
    }
}
