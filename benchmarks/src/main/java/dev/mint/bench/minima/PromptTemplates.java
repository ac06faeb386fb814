package dev.mint.bench.minima;

import java.util.EnumMap;
import java.util.Map;

/** Assembles a prompt: an optional shared preamble, then the category's task text at the end. */
final class PromptTemplates {
    /** @param preamble the shared preamble's name, or null */
    record Prompt(String text, String task, String preamble) {
    }

    private final Map<Category, TaskPrompts> byCategory = new EnumMap<>(Category.class);

    PromptTemplates() {
        byCategory.put(Category.CODE, new CodePrompts());
        byCategory.put(Category.SUMMARIZATION, new SummarizationPrompts());
        byCategory.put(Category.EXTRACTION, new ExtractionPrompts());
        byCategory.put(Category.QA, new QaPrompts());
        byCategory.put(Category.REASONING, new ReasoningPrompts());
        byCategory.put(Category.CLASSIFICATION, new ClassificationPrompts());
        byCategory.put(Category.TRANSLATION, new TranslationPrompts());
        byCategory.put(Category.CREATIVE, new CreativePrompts());
    }

    Prompt build(Draw d, Category category, Difficulty difficulty, boolean withPreamble) {
        String task = byCategory.get(category).task(d, difficulty);
        if (!withPreamble) {
            return new Prompt(task, task, null);
        }
        Preambles.Preamble preamble = Preambles.pick(d);
        return new Prompt(preamble.text() + "\n\n" + task, task, preamble.name());
    }
}
