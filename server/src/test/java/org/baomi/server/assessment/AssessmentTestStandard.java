package org.baomi.server.assessment;

/** A small unit standard for tests: two categories, four items worth 100, one capped deduction, one veto. */
public final class AssessmentTestStandard {

    private AssessmentTestStandard() {
    }

    public static String yaml(String code) {
        return """
                standard: %s
                version: 1
                level: UNIT
                title: {zh: 测试单位标准, en: Test unit standard}
                total: 100
                categories:
                  - id: A
                    title: {zh: 组织, en: Organisation}
                    items:
                      - id: A1
                        text: {zh: 设立保密委员会, en: A confidentiality committee exists}
                        points: 40
                        methods: [DOCUMENTS]
                      - id: A2
                        text: {zh: 配备专职保密员, en: A full-time secrecy officer}
                        points: 30
                  - id: B
                    title: {zh: 载体, en: Carriers}
                    items:
                      - id: B1
                        text: {zh: 涉密载体登记, en: Carriers registered}
                        points: 20
                      - id: B2
                        text: {zh: 载体按时清退, en: Carriers cleared on time}
                        points: 10
                deductions:
                  - id: D1
                    category: B
                    text: {zh: 载体丢失每件扣2分, en: "A carrier lost, 2 points each"}
                    perOccurrence: 2
                    cap: 5
                vetoes:
                  - id: V1
                    text: {zh: 涉密计算机连接互联网, en: A classified computer on the Internet}
                """.formatted(code);
    }
}
