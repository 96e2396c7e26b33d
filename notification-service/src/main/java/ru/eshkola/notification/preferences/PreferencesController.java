package ru.eshkola.notification.preferences;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.web.CurrentActor;

/**
 * A recipient's choices. The recipient is named in the path; until the platform's token checks are switched on the
 * caller is only identified ({@code X-Actor-Id}) and recorded, and the service method already takes the actor, so
 * a later check "the token's subject is this recipient or support staff" needs no change below the controller.
 */
@RestController
@RequestMapping("/api/v1/recipients/{recipientId}/preferences")
@Validated
@Tag(name = "Preferences", description = "Delivery mode, digest hour and unsubscribed categories per recipient")
class PreferencesController {

    private static final String ID = "[A-Za-z0-9._:@-]{1,64}";

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    record CategoryView(Category category, String name, boolean mandatory, boolean digestible, DeliveryMode mode,
            boolean subscribed) {
    }

    record PreferencesView(String recipientId, int digestHour, List<CategoryView> categories) {

        static PreferencesView of(RecipientPreferences p) {
            return new PreferencesView(p.recipientId(), p.digestHour(), Arrays.stream(Category.values())
                    .map(c -> new CategoryView(c, c.russianName(), c.mandatory(), c.digestible(), p.mode(c),
                            p.wants(c)))
                    .toList());
        }
    }

    /**
     * @param digestHour   local hour (0–23, the school's time zone) of the daily digest; absent: the default
     * @param modes        INSTANT or DIGEST per digestible category; absent categories come in the digest
     * @param unsubscribed categories not wanted; mandatory ones are refused
     */
    record PreferencesUpdate(@Min(0) @Max(23) Integer digestHour, Map<Category, DeliveryMode> modes,
            Set<Category> unsubscribed) {
    }

    @GetMapping
    @Operation(summary = "A recipient's choices (defaults when they never chose)")
    PreferencesView get(@PathVariable @Pattern(regexp = ID) String recipientId) {
        return PreferencesView.of(preferences.of(recipientId));
    }

    @PutMapping
    @Operation(summary = "Replace a recipient's choices")
    PreferencesView put(@PathVariable @Pattern(regexp = ID) String recipientId,
            @RequestBody @Valid PreferencesUpdate update, @CurrentActor String actor) {
        return PreferencesView.of(preferences.update(recipientId, update.digestHour(),
                update.modes() == null ? Map.of() : update.modes(),
                update.unsubscribed() == null ? EnumSet.noneOf(Category.class) : update.unsubscribed(), actor));
    }
}
