package org.baomi.server.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.SecurityPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing and resetting passwords under the policy in force, with history and audit. */
@Service
public class PasswordService {

    private static final String ALPHABET_LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String ALPHABET_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+=@";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final SecurityPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    PasswordService(AccountRepository accounts, PasswordEncoder encoder, SecurityPolicy policy, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The account holder changes his own password, proving the current one.
     *
     * @throws ValidationException naming the field ({@code current}, {@code next}, {@code repeat})
     */
    @Transactional
    public void change(long accountId, String current, String next, String repeat) {
        AccountRecord account = accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("account.notFound", "No account " + accountId));
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            problems.add(new ValidationException.FieldProblem("current", "password.currentWrong",
                    "The current password is wrong."));
        }
        if (next == null || !next.equals(repeat)) {
            problems.add(new ValidationException.FieldProblem("repeat", "password.mismatch",
                    "The two new passwords differ."));
        }
        if (next != null && next.equals(current)) {
            problems.add(new ValidationException.FieldProblem("next", "password.sameAsCurrent",
                    "The new password must differ from the current one."));
        }
        var rules = policy.password();
        var history = accounts.recentPasswordHashes(accountId, rules.historySize());
        for (var p : rules.check(next, account.username(), pw -> history.stream().anyMatch(h -> encoder.matches(pw, h)))) {
            problems.add(new ValidationException.FieldProblem("next", p.code(), p.message(), p.args()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        accounts.updatePassword(accountId, encoder.encode(next), false, clock.instant());
        audit.record("account.password.change", "account", accountId, null, null);
    }

    /**
     * An administrator sets a new one-time password; the holder must change it at next login.
     *
     * @return the one-time password, to be handed over once
     */
    @Transactional
    public String reset(long accountId) {
        accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account.notFound", "No account " + accountId));
        String oneTime = generate(Math.max(16, policy.password().minLength()));
        accounts.updatePassword(accountId, encoder.encode(oneTime), true, clock.instant());
        audit.record("account.password.reset", "account", accountId, null, null);
        return oneTime;
    }

    /** A random password with every character class, readable when printed (no 0/O, 1/l). */
    public static String generate(int length) {
        String all = ALPHABET_LOWER + ALPHABET_UPPER + DIGITS + SYMBOLS;
        List<Character> chars = new ArrayList<>();
        chars.add(ALPHABET_LOWER.charAt(RANDOM.nextInt(ALPHABET_LOWER.length())));
        chars.add(ALPHABET_UPPER.charAt(RANDOM.nextInt(ALPHABET_UPPER.length())));
        chars.add(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        chars.add(SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length())));
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
