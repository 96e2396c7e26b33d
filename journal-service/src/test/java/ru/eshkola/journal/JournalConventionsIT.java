package ru.eshkola.journal;

import ru.eshkola.kit.testing.ServiceConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class JournalConventionsIT extends ServiceConventions {
}
