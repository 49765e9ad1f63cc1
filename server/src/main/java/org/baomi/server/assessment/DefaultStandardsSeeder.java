package org.baomi.server.assessment;

import org.baomi.server.assessment.standard.DefaultStandards;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start (an empty library) stores the shipped unit, department and individual standards. */
@Component
@Order(4)
class DefaultStandardsSeeder implements ApplicationRunner {

    private final AssessmentService assessments;

    DefaultStandardsSeeder(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void run(ApplicationArguments args) {
        assessments.seedIfEmpty(DefaultStandards.all());
    }
}
