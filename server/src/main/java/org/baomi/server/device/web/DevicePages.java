package org.baomi.server.device.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.baomi.core.DomainException;
import org.baomi.core.security.Permission;
import org.baomi.server.device.DeviceService;
import org.baomi.server.device.NetworkService;
import org.baomi.server.device.DeviceViews.NetworkView;
import org.baomi.server.org.Department;
import org.baomi.server.org.PageOf;
import org.baomi.server.org.Person;
import org.baomi.server.org.PersonSearch;
import org.baomi.server.org.PersonService;
import org.baomi.server.org.Unit;
import org.baomi.server.org.UnitService;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the device, medium and network pages share: the units a user reads and keeps, the choices
 * for pickers (people, departments, networks), and how a refusal reaches the page.
 */
@Component
class DevicePages {

    private final UnitService units;
    private final PersonService people;
    private final NetworkService networks;
    private final DeviceService devices;
    private final Flash flash;

    DevicePages(UnitService units, PersonService people, NetworkService networks, DeviceService devices,
            Flash flash) {
        this.units = units;
        this.people = people;
        this.networks = networks;
        this.devices = devices;
        this.flash = flash;
    }

    /** Units whose ledger the user keeps, by the services' own rule ({@link DeviceService#mayManage}). */
    Set<Long> keptUnitIds(BaomiUser user) {
        if (!user.has(Permission.DEVICE_MANAGE)) {
            return Set.of();
        }
        return units.visible(user).stream().map(Unit::id).filter(devices::mayManage)
                .collect(java.util.stream.Collectors.toSet());
    }

    boolean keeps(BaomiUser user, long unitId) {
        return user.has(Permission.DEVICE_MANAGE) && devices.mayManage(unitId);
    }

    List<Unit> readableUnits(BaomiUser user) {
        return units.visible(user);
    }

    List<Unit> keptUnits(BaomiUser user) {
        Set<Long> kept = keptUnitIds(user);
        return units.visible(user).stream().filter(u -> kept.contains(u.id())).toList();
    }

    /** The unit a page starts on: the one asked for, else the user's own, else the first he reads. */
    Long unitOr(BaomiUser user, Long unitId) {
        if (unitId != null) {
            return unitId;
        }
        List<Unit> visible = readableUnits(user);
        if (user.unitId() != null && visible.stream().anyMatch(u -> u.id() == user.unitId())) {
            return user.unitId();
        }
        return visible.isEmpty() ? null : visible.get(0).id();
    }

    /** The active people of a unit, by name (for responsible person, holder, supervisor pickers). */
    List<Person> people(BaomiUser user, long unitId) {
        List<Person> all = new ArrayList<>();
        int page = 1;
        PageOf<Person> result;
        do {
            result = people.search(user, new PersonSearch(null, unitId, null, null, true, page, PersonSearch.MAX_SIZE));
            all.addAll(result.items());
            page++;
        } while (result.hasNext() && page <= 10);
        all.sort(Comparator.comparing(Person::name));
        return all;
    }

    List<Department> departments(BaomiUser user, long unitId) {
        return units.departments(user, unitId).stream().filter(Department::active).toList();
    }

    List<NetworkView> networks(long unitId) {
        return networks.list(unitId).stream().filter(NetworkView::active).toList();
    }

    /** Puts a refusal of an act in the flash, in the reader's language. */
    void refused(RedirectAttributes redirect, RuntimeException e) {
        if (e instanceof ValidationException v) {
            var p = v.problems().get(0);
            flash.error(redirect, p.code(), p.message(), p.args());
        } else if (e instanceof DomainException d) {
            flash.error(redirect, d.code(), d.getMessage(), d.args());
        } else {
            throw e;
        }
    }

    /** A refusal by the rules shown above a form (field problems go beside their fields). */
    static void reject(Errors binding, DomainException e) {
        binding.reject(e.code(), e.args(), e.getMessage());
    }

    /** The unit a registration form starts on: the one asked for or the user's own if he keeps it, else the first he keeps. */
    Long keptUnitOr(BaomiUser user, Long unitId) {
        Long unit = unitId != null ? unitId : user.unitId();
        if (unit == null || !keeps(user, unit)) {
            List<Unit> kept = keptUnits(user);
            unit = kept.isEmpty() ? null : kept.get(0).id();
        }
        return unit;
    }

    /**
     * A form post of the device, medium and network pages: {@code action} when the form bound, else,
     * and when it is refused (field problems beside their fields, a rule's refusal above the form),
     * the form again from {@code again}.
     */
    static String submit(BindingResult binding, Supplier<String> action, Supplier<String> again) {
        if (binding.hasErrors()) {
            return again.get();
        }
        try {
            return action.get();
        } catch (ValidationException e) {
            e.rejectInto(binding);
        } catch (DomainException e) {
            reject(binding, e);
        }
        return again.get();
    }

    /** {@link #submit} for a registration, which also needs the unit it goes into. */
    static String submitNew(Long unitId, BindingResult binding, Supplier<String> action, Supplier<String> again) {
        if (!binding.hasErrors() && unitId == null) {
            binding.rejectValue("unitId", "device.required", "Required.");
            return again.get();
        }
        return submit(binding, action, again);
    }

    Flash flash() {
        return flash;
    }
}
