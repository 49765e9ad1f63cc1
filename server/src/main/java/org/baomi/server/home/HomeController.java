package org.baomi.server.home;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.baomi.core.security.Permission;
import org.baomi.server.platform.web.Flash;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String VIEW = "home";

    private final List<DashboardContributor> contributors;
    private final Flash flash;

    HomeController(List<DashboardContributor> contributors, Flash flash) {
        this.contributors = contributors;
        this.flash = flash;
    }

    @GetMapping("/")
    @Requires(Permission.SELF_SERVICE)
    String home(@AuthenticationPrincipal BaomiUser user, Model model) {
        model.addAttribute("cards", contributors.stream().flatMap(c -> c.cardsFor(user).stream())
                .sorted(Comparator.comparingInt(DashboardCard::order)).toList());
        model.addAttribute("roleNames", user.roles().stream().map(r -> flash.text("role." + r.name(), r.name()))
                .collect(Collectors.joining(" · ")));
        return VIEW;
    }
}
