-- The reference of the admission a device is on its network by (入网审批单号), kept in the
-- projection so the ledger export can write it and an exported register imports back.
-- See docs/adr/0021-device-approvals.md. At most one of the two is set, and neither off a network:
--   admission_reference  the earlier admission's reference as written at registration (free text);
--   admission_request_id the approval request the device was admitted or moved to its network on.
alter table device add column admission_reference varchar(200);
alter table device add column admission_request_id bigint references approval_request (id);
alter table device add constraint device_admission_one check (admission_reference is null or admission_request_id is null);

-- Existing rows: what SQL can derive. A device on a network gets the last spent request that named
-- a network for it (an admission, or a change of network). The free text of a registration lives
-- only in its event's payload; such rows stay blank until their next act rewrites the projection.
update device set admission_request_id = (
        select max(r.approval_request_id) from device_request r
         where r.subject_type = 'device' and r.subject_id = device.id and r.network_id is not null
           and r.network_id = device.network_id and r.used_at is not null)
 where network_id is not null;
