package org.baomi.server.home;

import java.util.List;
import org.baomi.server.security.Public;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class LoginController {

    /** Demo accounts shown on the login page; present only when the demo organisation was seeded. */
    public interface DemoAccounts {
        record Entry(String username, String password, String description) {
        }

        List<Entry> entries();
    }

    private final ObjectProvider<DemoAccounts> demo;

    LoginController(ObjectProvider<DemoAccounts> demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    @Public(because = "the login page is where an anonymous visitor signs in")
    String login(Model model) {
        DemoAccounts accounts = demo.getIfAvailable();
        if (accounts != null && !accounts.entries().isEmpty()) {
            model.addAttribute("demoAccounts", accounts.entries());
        }
        return "login";
    }
}
