/**
 * The lifecycle of devices and removable media as event-sourced aggregates: {@link
 * org.baomi.core.device.lifecycle.DeviceRecord} and {@link org.baomi.core.device.lifecycle.MediumRecord},
 * each an append-only history whose replay gives the status (see docs/adr/0020-device-lifecycle.md).
 * Acts are methods named for them; those that need approval take an {@link
 * org.baomi.core.device.lifecycle.ApprovalRef} the server has checked.
 */
package org.baomi.core.device.lifecycle;
