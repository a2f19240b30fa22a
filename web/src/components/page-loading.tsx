/** A centred spinner while a page or the session loads. */
import { Spin } from "antd";

export function PageLoading() {
  return (
    <div style={{ display: "flex", justifyContent: "center", padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}
