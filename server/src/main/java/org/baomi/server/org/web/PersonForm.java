package org.baomi.server.org.web;

import org.baomi.server.org.Person;
import org.baomi.server.org.PersonInput;

/** The person form as the browser posts it. */
public class PersonForm {
    private String name;
    private Long unitId;
    private Long departmentId;
    private String employeeNumber;
    private String position;
    private String phone;

    static PersonForm of(Person p) {
        PersonForm form = new PersonForm();
        form.name = p.name();
        form.unitId = p.unitId();
        form.departmentId = p.departmentId();
        form.employeeNumber = p.employeeNumber();
        form.position = p.position();
        form.phone = p.phone();
        return form;
    }

    PersonInput toInput() {
        return new PersonInput(name, unitId, departmentId, employeeNumber, position, phone);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public String getEmployeeNumber() { return employeeNumber; }
    public void setEmployeeNumber(String employeeNumber) { this.employeeNumber = employeeNumber; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
}
