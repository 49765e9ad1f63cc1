package org.baomi.core.approval;

/** An approver's decision on one step. */
public enum Verdict { APPROVE, REJECT }
