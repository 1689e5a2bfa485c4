package cn.duban.supervision.draft;

import cn.duban.events.EventCodec;
import cn.duban.supervision.ledger.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Proposes a lead unit (牵头单位) by rules of words (ledger/lead-unit-rules.json, first match wins): in the
 * commitment's words, then in its paragraph's name, else the sector's first unit of the directory. Each proposal
 * names the rule and the word that made it. Rules naming a unit that is not in the directory are ignored.
 */
public final class LeadUnits {
    /** The start of every rule name given when no rule matched. */
    public static final String FALLBACK = "领域首个单位";
    private final List<Rule> rules;
    private final UnitDirectory directory;

    public record Rule(String rule, List<String> words, String unit) {
    }

    private record RuleFile(String description, List<Rule> rules) {
    }

    /** A proposed unit, the rule that proposed it and the word it matched ({@code at} -1 if none). */
    public record Proposal(String unit, String rule, String word, int at) {
    }

    public LeadUnits(List<Rule> rules, UnitDirectory directory) {
        this.directory = directory;
        this.rules = rules.stream().filter(r -> find(directory, r.unit()).isPresent()).toList();
    }

    public static LeadUnits fromResources(UnitDirectory directory) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("ledger/lead-unit-rules.json")) {
            if (in == null) {
                throw new IllegalStateException("no resource ledger/lead-unit-rules.json");
            }
            return new LeadUnits(EventCodec.json().readValue(in, RuleFile.class).rules(), directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public UnitDirectory directory() {
        return directory;
    }

    /** The unit the words of {@code text} (then of {@code context}) point to, else the sector's first unit. */
    public Proposal propose(String text, String context, String sector) {
        Optional<Proposal> byText = match(text);
        if (byText.isPresent()) {
            return byText.get();
        }
        Optional<Proposal> byContext = context == null ? Optional.empty() : match(context)
                .map(p -> new Proposal(p.unit(), p.rule() + "（据所在段落）", p.word(), -1));
        return byContext.orElseGet(() -> directory.units().stream().filter(u -> u.sector().equals(sector))
                .findFirst().map(u -> new Proposal(u.name(), FALLBACK + "（无规则命中）", null, -1))
                .orElse(new Proposal(directory.units().isEmpty() ? null : directory.units().get(0).name(),
                        FALLBACK + "（目录中无本领域单位）", null, -1)));
    }

    private Optional<Proposal> match(String text) {
        for (Rule r : rules) {
            for (String word : r.words()) {
                int at = text.indexOf(word);
                if (at >= 0) {
                    return Optional.of(new Proposal(r.unit(), r.rule(), word, at));
                }
            }
        }
        return Optional.empty();
    }

    public Optional<UnitDirectory.Entry> unit(String name) {
        return find(directory, name);
    }

    private static Optional<UnitDirectory.Entry> find(UnitDirectory directory, String name) {
        return directory.units().stream().filter(u -> u.name().equals(name)).findFirst();
    }
}
