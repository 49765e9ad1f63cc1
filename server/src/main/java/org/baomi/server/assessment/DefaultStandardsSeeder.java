package org.baomi.server.assessment;

import org.baomi.server.assessment.standard.DefaultStandards;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start stores the shipped unit, department and individual standards whose version the library
 * lacks: all of them on the first start, a new shipped version after an upgrade (ADR 0060).
 */
@Component
@Order(4)
class DefaultStandardsSeeder implements ApplicationRunner {

    private final AssessmentService assessments;

    DefaultStandardsSeeder(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void run(ApplicationArguments args) {
        assessments.seedMissing(DefaultStandards.all());
    }
}
