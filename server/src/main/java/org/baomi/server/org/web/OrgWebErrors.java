package org.baomi.server.org.web;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.server.platform.NotFoundException;
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

}
