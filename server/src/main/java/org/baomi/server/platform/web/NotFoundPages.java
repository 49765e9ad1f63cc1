package org.baomi.server.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.server.platform.NotFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The ordinary 404 page for every {@link NotFoundPage} controller. */
@ControllerAdvice(assignableTypes = NotFoundPage.class)
class NotFoundPages {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", HttpServletResponse.SC_NOT_FOUND);
        return mav;
    }
}
