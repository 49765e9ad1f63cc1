package org.baomi.server.device.web;

import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.NetworkKind;
import org.baomi.server.device.DeviceInputs.NetworkInput;
import org.baomi.server.device.DeviceViews.NetworkView;

/** The network form as the browser posts it. */
public class NetworkForm {
    private Long unitId;
    private String name;
    private NetworkKind kind;
    private ClassificationLevel level;
    private String approvalReference;
    private String description;

    static NetworkForm of(NetworkView n) {
        NetworkForm f = new NetworkForm();
        f.unitId = n.unitId();
        f.name = n.name();
        f.kind = n.kind();
        f.level = n.level();
        f.approvalReference = n.approvalReference();
        f.description = n.description();
        return f;
    }

    NetworkInput toInput() {
        return new NetworkInput(name, kind, level, approvalReference, description);
    }

    public Long getUnitId() { return unitId; }
    public void setUnitId(Long v) { this.unitId = v; }
    public String getName() { return name; }
    public void setName(String v) { this.name = v; }
    public NetworkKind getKind() { return kind; }
    public void setKind(NetworkKind v) { this.kind = v; }
    public ClassificationLevel getLevel() { return level; }
    public void setLevel(ClassificationLevel v) { this.level = v; }
    public String getApprovalReference() { return approvalReference; }
    public void setApprovalReference(String v) { this.approvalReference = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { this.description = v; }
}
