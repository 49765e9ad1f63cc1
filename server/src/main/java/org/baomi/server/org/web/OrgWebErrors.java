package org.baomi.server.org.web;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A unit or person outside the reader's scope, or missing, shows the 404 page rather than an error. */
@ControllerAdvice(assignableTypes = {UnitController.class, PeopleController.class})
class OrgWebErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        response.setStatus(404);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", 404);
        return mav;
    }

    /** Puts each field problem beside its field. */
    static void reject(BindingResult binding, ValidationException e) {
        for (var p : e.problems()) {
            binding.rejectValue(p.field(), p.code(), p.args(), p.message());
        }
    }
}
