//! `synergy-node --dev` produces and finalizes blocks and serves the standard RPC methods.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::{
	io::{Read, Write},
	net::{TcpListener, TcpStream},
	process::{Child, Command, Stdio},
	thread::sleep,
	time::{Duration, Instant},
};

const NODE: &str = env!("CARGO_BIN_EXE_synergy-node");

/// Kills the node when the test ends, however it ends.
struct Node(Child);

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// Starts `synergy-node --dev` on free ports with `extra` arguments; returns it and its RPC port.
fn start_dev_node(extra: &[&str]) -> (Node, u16) {
	let port = free_port();
	let p2p = free_port();
	let node = Node(
		Command::new(NODE)
			.args(["--dev", "--tmp", "--no-prometheus", "--no-telemetry"])
			.args(["--rpc-port", &port.to_string(), "--port", &p2p.to_string()])
			.args(extra)
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.spawn()
			.expect("the node starts"),
	);
	(node, port)
}

/// Waits (boundedly) until the node's RPC server answers.
fn wait_for_rpc(port: u16) {
	let deadline = Instant::now() + Duration::from_secs(60);
	while raw_rpc(port, "system_health", "[]").is_none() {
		assert!(Instant::now() < deadline, "the RPC server did not come up within 60 s");
		sleep(Duration::from_millis(500));
	}
}

/// One JSON-RPC call over HTTP: the whole response object, or `None` while the server is not up.
fn raw_rpc(port: u16, method: &str, params: &str) -> Option<serde_json::Value> {
	let body = format!(r#"{{"jsonrpc":"2.0","id":1,"method":"{method}","params":{params}}}"#);
	let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)
	.ok()?;
	let mut response = String::new();
	stream.read_to_string(&mut response).ok()?;
	let json = response.split("\r\n\r\n").nth(1)?;
	serde_json::from_str::<serde_json::Value>(json).ok()
}

/// One JSON-RPC call over HTTP: its result, or `None` while the server is not up or on error.
fn rpc(port: u16, method: &str, params: &str) -> Option<serde_json::Value> {
	raw_rpc(port, method, params)?.get("result").cloned()
}

fn block_number(header: &serde_json::Value) -> u64 {
	let hex = header["number"].as_str().expect("number is a hex string");
	u64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("hex")
}

#[test]
fn dev_chain_produces_and_finalizes_blocks() {
	let (_node, port) = start_dev_node(&[]);

	// Liveness with a generous bound: the node is expected to finalize within a few slots.
	let deadline = Instant::now() + Duration::from_secs(180);
	let finalized = loop {
		assert!(Instant::now() < deadline, "no block was finalized within 180 s");
		let head = rpc(port, "chain_getFinalizedHead", "[]");
		let header = head.and_then(|hash| rpc(port, "chain_getHeader", &format!("[{hash}]")));
		match header.map(|h| block_number(&h)) {
			Some(n) if n >= 2 => break n,
			_ => sleep(Duration::from_secs(2)),
		}
	};
	assert!(finalized >= 2);

	let properties = rpc(port, "system_properties", "[]").expect("system_properties");
	assert_eq!(properties["tokenSymbol"], "SYN");
	let name = rpc(port, "system_chain", "[]").expect("system_chain");
	assert_eq!(name, "Synergy Development");
	let methods = rpc(port, "rpc_methods", "[]").expect("rpc_methods");
	let methods: Vec<&str> =
		methods["methods"].as_array().expect("list").iter().filter_map(|m| m.as_str()).collect();
	for expected in ["system_accountNextIndex", "payment_queryInfo", "author_submitExtrinsic"] {
		assert!(methods.contains(&expected), "missing RPC method {expected}");
	}
}

#[test]
fn safe_rpc_methods_refuse_keystore_access() {
	// What an operator exposes on a public interface: `--rpc-methods safe`.
	let (_node, port) = start_dev_node(&["--rpc-methods", "safe"]);
	wait_for_rpc(port);

	let refused = raw_rpc(port, "author_rotateKeys", "[]").expect("an answer");
	assert!(refused.get("result").is_none(), "author_rotateKeys answered: {refused}");
	let message = refused["error"]["message"].as_str().unwrap_or_default();
	assert!(message.contains("unsafe"), "unexpected refusal: {refused}");

	// Reading the chain stays available.
	assert!(rpc(port, "chain_getHeader", "[]").is_some());
}

#[test]
fn auditors_read_members_escrow_and_deals_as_json() {
	// The safe set: the cooperative's methods are for anyone to read.
	let (_node, port) = start_dev_node(&["--rpc-methods", "safe"]);
	wait_for_rpc(port);
	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
	const CHARLIE: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
	const FERDIE: &str = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";

	let classes = rpc(port, "synergy_classes", "[]").expect("synergy_classes");
	let managers = classes.as_array().expect("a list").iter().find(|c| c["id"] == 0).expect("0");
	assert_eq!(managers["quantum"], "2100000000000000", "balances are decimal strings");

	// Alice, a founder, guaranteed by Bob and Charlie.
	let alice = rpc(port, "synergy_member", &format!(r#"["{ALICE}"]"#)).expect("synergy_member");
	assert_eq!(alice["class"], 0);
	assert_eq!(alice["status"], "active");
	assert_eq!(alice["guarantors"], serde_json::json!([BOB, CHARLIE]));
	assert_eq!(alice["escrow"]["behind"], "4200000000000000");
	assert_eq!(alice["escrow"]["headroom"], "4200000000000000");
	assert_eq!(alice["escrow"]["exposure"], "0");
	assert_eq!(
		rpc(port, "synergy_member", &format!(r#"["{FERDIE}"]"#)),
		Some(serde_json::Value::Null)
	);

	let escrow = rpc(port, "synergy_escrow", &format!(r#"["{ALICE}"]"#)).expect("synergy_escrow");
	assert_eq!(escrow["guarantees"].as_array().expect("a list").len(), 2);
	assert_eq!(escrow["guarantees"][0]["held"], "2100000000000000");

	let graph = rpc(port, "synergy_guarantorGraph", &format!(r#"["{ALICE}", 1]"#))
		.expect("synergy_guarantorGraph");
	assert_eq!(graph["depth"], 1);
	assert_eq!(graph["nodes"][0]["account"], ALICE);
	assert!(graph["nodes"].as_array().expect("a list").len() >= 3);

	assert_eq!(rpc(port, "synergy_deal", "[0]"), Some(serde_json::Value::Null));
	assert_eq!(
		rpc(port, "synergy_dealsOf", &format!(r#"["{ALICE}"]"#)),
		Some(serde_json::json!([]))
	);
	assert_eq!(
		rpc(port, "synergy_application", &format!(r#"["{FERDIE}"]"#)),
		Some(serde_json::Value::Null)
	);

	// The general meeting: the fund's statement, no proposals yet, Alice the one validator.
	let fund = rpc(port, "synergy_fund", "[]").expect("synergy_fund");
	assert_eq!(fund["balance"], "100000000000000000", "the development endowment");
	assert_eq!(fund["statement"]["endowment"], "100000000000000000");
	assert_eq!(fund["statement"]["out"], "0");
	assert_eq!(rpc(port, "synergy_proposals", "[false]"), Some(serde_json::json!([])));
	assert_eq!(rpc(port, "synergy_proposal", "[0]"), Some(serde_json::Value::Null));
	assert_eq!(
		rpc(port, "synergy_votesOf", &format!(r#"["{ALICE}"]"#)),
		Some(serde_json::json!([]))
	);
	let validators = rpc(port, "synergy_validators", "[]").expect("synergy_validators");
	assert_eq!(validators["current"], serde_json::json!([ALICE]));
	assert_eq!(validators["decided"], serde_json::json!([ALICE]));
	assert_eq!(validators["sessionLength"], 10);

	// Contribution accounting: no projects yet; a preview of no project is null, a revenue that
	// is not a decimal amount is refused with its own error.
	assert_eq!(rpc(port, "synergy_project", "[0]"), Some(serde_json::Value::Null));
	assert_eq!(
		rpc(port, "synergy_contributionsOf", &format!(r#"["{ALICE}"]"#)),
		Some(serde_json::json!([]))
	);
	assert_eq!(
		rpc(port, "synergy_claimable", &format!(r#"["{ALICE}"]"#)),
		Some(serde_json::json!([]))
	);
	assert_eq!(rpc(port, "synergy_splitPreview", r#"[0, "1000"]"#), Some(serde_json::Value::Null));
	let refused = raw_rpc(port, "synergy_splitPreview", r#"[0, "a lot"]"#).expect("an answer");
	assert_eq!(refused["error"]["code"], 2, "{refused}");

	// What the cooperative asks of a founder of a quiet chain: nothing, at the block answered.
	let duties = rpc(port, "synergy_duties", &format!(r#"["{ALICE}"]"#)).expect("synergy_duties");
	assert!(duties["at"].as_u64().is_some(), "{duties}");
	for list in ["guaranteesOffered", "panelVotes", "topUps", "deals", "votes"] {
		assert_eq!(duties[list], serde_json::json!([]), "{list}: {duties}");
	}
	assert_eq!(duties["application"], serde_json::Value::Null, "{duties}");

	// A malformed account is refused with the standard invalid-params error.
	let refused = raw_rpc(port, "synergy_member", r#"["not-an-address"]"#).expect("an answer");
	assert_eq!(refused["error"]["code"], -32602, "{refused}");
}
