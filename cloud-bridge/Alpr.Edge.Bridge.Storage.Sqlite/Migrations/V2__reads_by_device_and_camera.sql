-- Searches by device and camera within a time window (ReadQuery.DeviceId / Camera).
CREATE INDEX reads_device_camera ON reads (device_id, camera, captured_at);
