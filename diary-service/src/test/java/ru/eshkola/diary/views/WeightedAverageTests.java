package ru.eshkola.diary.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WeightedAverageTests {

    static DiaryViews.GradeView grade(String value, Double numeric, double weight) {
        return new DiaryViews.GradeView("g", value, numeric, weight, "TEST", null, null, List.of());
    }

    @Test
    void theAverageWeighsEachGradeAndIgnoresMarksWithoutANumber() {
        assertThat(DiaryReader.weightedAverage(List.of(grade("5", 5.0, 1), grade("3", 3.0, 2),
                grade("зачёт", null, 1)))).isEqualTo(3.67);
        assertThat(DiaryReader.weightedAverage(List.of(grade("4", 4.0, 1), grade("5", 5.0, 1)))).isEqualTo(4.5);
    }

    @Test
    void withoutNumericMarksThereIsNoAverage() {
        assertThat(DiaryReader.weightedAverage(List.of(grade("зачёт", null, 1)))).isNull();
        assertThat(DiaryReader.weightedAverage(List.of())).isNull();
    }
}
