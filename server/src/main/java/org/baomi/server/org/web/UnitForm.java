package org.baomi.server.org.web;

import org.baomi.server.org.Unit;
import org.baomi.server.org.UnitInput;

/** The unit form as the browser posts it. */
public class UnitForm {
    private String code;
    private String name;
    private String kind;
    private Long parentId;

    static UnitForm of(Unit unit) {
        UnitForm form = new UnitForm();
        form.code = unit.code();
        form.name = unit.name();
        form.kind = unit.kind().name();
        form.parentId = unit.parentId();
        return form;
    }

    UnitInput toInput() {
        return new UnitInput(code, name, kind, parentId);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
}
