package dev.opsdemo.quiz;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped quiz: the lesson's five questions, each complete, with the lesson's right answers. */
class QuestionsTest {

    @Test
    void theResourceHoldsTheLessonsFiveQuestionsEachComplete() {
        List<Question> questions = Questions.load();
        assertEquals(5, questions.size());
        for (Question question : questions) {
            assertEquals(Question.LETTERS, question.choices().keySet().stream().sorted().toList(), question.id());
            assertTrue(Question.LETTERS.contains(question.answer()), question.id());
            assertFalse(question.hint().isBlank(), question.id());
            assertFalse(question.explanation().isBlank(), question.id());
            assertFalse(question.mistakes().isEmpty(), question.id());
            question.mistakes().forEach(mistake -> assertTrue(!mistake.choice().equals(question.answer())
                    && Question.LETTERS.contains(mistake.choice()), question.id() + ": " + mistake));
            assertTrue(question.mistakesFor(question.answer()).isEmpty(), question.id());
        }
        assertEquals(List.of("B", "A", "D", "C", "A"), questions.stream().map(Question::answer).toList(),
                "the lesson's answers");
        assertEquals(List.of(Evidence.VERSIONED, Evidence.MODEL_VERSION, Evidence.DEPLOYED, Evidence.DATA_CONTRACT,
                Evidence.MONITORING), questions.stream().map(Question::evidence).toList());
    }

    @Test
    void anIncompleteQuestionIsRefusedWithWhatItLacks() {
        Question threeChoices = new Question("q", "Which?", Map.of("A", "a", "B", "b", "C", "c"), "E", "", "why",
                List.of(new Question.Mistake("E", "wrong")), null);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Questions.check(threeChoices));
        for (String part : new String[] {"choices A, B, C and D", "an answer among A-D", "a hint",
                "the lesson's mistakes", "the evidence"}) {
            assertTrue(refused.getMessage().contains(part), refused.getMessage());
        }
    }
}
