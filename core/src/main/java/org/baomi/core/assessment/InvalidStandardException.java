package org.baomi.core.assessment;

import java.util.List;
import java.util.stream.Collectors;
import org.baomi.core.DomainException;

/**
 * A standard (or a file holding one) was refused; {@link #problems()} lists every problem found,
 * each naming where, so a whole file can be corrected in one go. Nothing is imported.
 */
public class InvalidStandardException extends DomainException {

    private final List<StandardProblem> problems;

    public InvalidStandardException(List<StandardProblem> problems) {
        super("assessment.standardInvalid", "The standard is not valid: "
                + problems.stream().map(StandardProblem::english).collect(Collectors.joining(" ")), problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<StandardProblem> problems() {
        return problems;
    }
}
