package org.baomi.server.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.baomi.core.DomainException;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.Db;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.security.SecurityPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's work on accounts: create with a one-time password, edit, deactivate,
 * reactivate and reset passwords. Accounts are never deleted, so the audit log always names a
 * real account. Roles are not assigned here: that is the security administrator's duty
 * ({@link RoleAssignment}).
 */
@Service
public class AccountAdministration {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    static final int DISPLAY_NAME_MAX = 100;

    private final AccountRepository accounts;
    private final PasswordService passwords;
    private final PasswordEncoder encoder;
    private final SecurityPolicy policy;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountAdministration(AccountRepository accounts, PasswordService passwords, PasswordEncoder encoder,
            SecurityPolicy policy, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Accounts whose user name or display name contains {@code query} (all when blank), by user
     * name, narrowed by {@code status}: {@code active}, {@code inactive}, {@code locked},
     * {@code noroles} or anything else for all.
     */
    public List<AccountView> search(String query, String status) {
        String q = query == null ? "" : query.strip();
        List<AccountRecord> found = q.isEmpty() ? accounts.findAll()
                : jdbc.sql("""
                        select id from account
                        where lower(username) like :q escape '\\' or lower(display_name) like :q escape '\\'
                        order by username""")
                        .param("q", Db.likePattern(q.toLowerCase()))
                        .query(Long.class).list().stream().map(id -> accounts.findById(id).orElseThrow()).toList();
        return found.stream().map(this::view).filter(v -> switch (status == null ? "" : status) {
            case "active" -> v.active();
            case "inactive" -> !v.active();
            case "locked" -> v.active() && v.locked();
            case "noroles" -> v.active() && v.grants().isEmpty();
            default -> true;
        }).toList();
    }

    public AccountView get(long id) {
        return view(find(id));
    }

    /** One person by id, for showing the current link. */
    public java.util.Optional<PersonChoice> person(long id) {
        return jdbc.sql("""
                select p.id, p.name, u.name as unit_name,
                    (select min(a.username) from account a where a.person_id = p.id) as linked
                from person p join unit u on u.id = p.unit_id where p.id = :id""")
                .param("id", id)
                .query((rs, i) -> new PersonChoice(rs.getLong("id"), rs.getString("name"), rs.getString("unit_name"),
                        rs.getString("linked")))
                .optional();
    }

    /** People whose name contains {@code query}, for linking an account; at most 20. */
    public List<PersonChoice> people(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.name, u.name as unit_name,
                    (select min(a.username) from account a where a.person_id = p.id) as linked
                from person p join unit u on u.id = p.unit_id
                where p.active = true and lower(p.name) like :q escape '\\'
                order by p.name, p.id""")
                .param("q", Db.likePattern(q.toLowerCase()))
                .query((rs, i) -> new PersonChoice(rs.getLong("id"), rs.getString("name"), rs.getString("unit_name"),
                        rs.getString("linked")))
                .list().stream().limit(20).toList();
    }

    /**
     * Creates an account with a one-time password the holder must change at first login.
     *
     * @throws ValidationException naming {@code username}, {@code displayName} or {@code personId}
     */
    @Transactional
    public AccountCreated create(String username, String displayName, Long personId) {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            problems.add(new ValidationException.FieldProblem("username", "account.username.invalid",
                    "The user name needs 3 to 64 characters: letters, digits, '.', '_' or '-'."));
        } else if (accounts.findByUsername(name).isPresent()) {
            problems.add(new ValidationException.FieldProblem("username", "account.username.taken",
                    "The user name '" + name + "' is already in use (upper and lower case count as the same).", name));
        }
        String display = checkDisplayName(displayName, problems);
        checkPerson(personId, null, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String oneTime = PasswordService.generate(Math.max(16, policy.password().minLength()));
        long id = accounts.insert(name, personId, display, encoder.encode(oneTime), true, "zh-CN", clock.instant());
        audit.record("account.create", "account", id, null, snapshot(find(id)));
        return new AccountCreated(id, name, oneTime);
    }

    /** Changes the display name and the linked person ({@code null} unlinks). */
    @Transactional
    public AccountView update(long id, String displayName, Long personId) {
        AccountRecord before = find(id);
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        String display = checkDisplayName(displayName, problems);
        checkPerson(personId, id, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        accounts.updateProfile(id, display, personId, clock.instant());
        AccountRecord after = find(id);
        audit.record("account.update", "account", id, snapshot(before), snapshot(after));
        return view(after);
    }

    /**
     * Deactivates an account: it can no longer log in, and its open sessions end at their next
     * request. Nobody deactivates himself, so the last administrator cannot lock everyone out.
     */
    @Transactional
    public AccountView deactivate(long id, long actingAccountId) {
        AccountRecord before = find(id);
        if (id == actingAccountId) {
            throw new DomainException("account.selfDeactivate", "You cannot deactivate your own account.");
        }
        if (!before.active()) {
            throw new DomainException("account.alreadyInactive", "The account " + before.username()
                    + " is already deactivated.", before.username());
        }
        accounts.setActive(id, false, clock.instant());
        audit.record("account.deactivate", "account", id, snapshot(before), snapshot(find(id)));
        return get(id);
    }

    @Transactional
    public AccountView reactivate(long id) {
        AccountRecord before = find(id);
        if (before.active()) {
            throw new DomainException("account.alreadyActive", "The account " + before.username() + " is already active.",
                    before.username());
        }
        accounts.setActive(id, true, clock.instant());
        audit.record("account.reactivate", "account", id, snapshot(before), snapshot(find(id)));
        return get(id);
    }

    /** A new one-time password (which also lifts a lockout); audited by {@link PasswordService#reset}. */
    @Transactional
    public String resetPassword(long id) {
        find(id);
        return passwords.reset(id);
    }

    private AccountRecord find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.notFound",
                "There is no account with id " + id + "."));
    }

    private static String checkDisplayName(String displayName, List<ValidationException.FieldProblem> problems) {
        String display = displayName == null ? "" : displayName.strip();
        if (display.isEmpty() || display.length() > DISPLAY_NAME_MAX) {
            problems.add(new ValidationException.FieldProblem("displayName", "account.displayName.invalid",
                    "The display name is required and may have at most 100 characters.", DISPLAY_NAME_MAX));
        }
        return display;
    }

    /** A linked person must exist, be active and not already belong to another account. */
    private void checkPerson(Long personId, Long accountId, List<ValidationException.FieldProblem> problems) {
        if (personId == null) {
            return;
        }
        Boolean active = jdbc.sql("select active from person where id = :id").param("id", personId)
                .query(Boolean.class).optional().orElse(null);
        if (active == null || !active) {
            problems.add(new ValidationException.FieldProblem("personId", "account.person.unknown",
                    "There is no active person with id " + personId + ".", personId));
            return;
        }
        String other = jdbc.sql("select min(username) from account where person_id = :p and id <> :id")
                .param("p", personId).param("id", accountId == null ? -1L : accountId)
                .query(String.class).optional().orElse(null);
        if (other != null) {
            problems.add(new ValidationException.FieldProblem("personId", "account.person.taken",
                    "This person already has the account " + other + ".", other));
        }
    }

    private AccountView view(AccountRecord a) {
        Instant now = clock.instant();
        String personName = a.personId() == null ? null
                : jdbc.sql("select name from person where id = :id").param("id", a.personId()).query(String.class)
                        .optional().orElse(null);
        List<AccountView.GrantView> grants = jdbc.sql("""
                select g.role, g.unit_id, u.name from role_grant g join unit u on u.id = g.unit_id
                where g.account_id = :id order by g.role, u.name""")
                .param("id", a.id())
                .query((rs, i) -> new AccountView.GrantView(rs.getString(1), rs.getLong(2), rs.getString(3))).list();
        Instant locked = policy.lockout().isLocked(a.lockedUntil(), now) ? a.lockedUntil() : null;
        boolean mustChange = a.mustChangePassword() || policy.password().isExpired(a.passwordChangedAt(), now);
        return new AccountView(a.id(), a.username(), a.displayName(), a.personId(), personName, a.active(), locked,
                mustChange, a.createdAt(), a.lastLoginAt(), grants);
    }

    /** What the audit log keeps of an account: never the password hash. */
    private static Map<String, Object> snapshot(AccountRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("personId", a.personId());
        m.put("active", a.active());
        m.put("mustChangePassword", a.mustChangePassword());
        return m;
    }
}
