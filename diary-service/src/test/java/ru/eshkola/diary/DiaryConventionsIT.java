package ru.eshkola.diary;

import ru.eshkola.kit.testing.ServiceConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class DiaryConventionsIT extends ServiceConventions {
}
