//! `synergy-node benchmark machine`: the hardware check a validator runs before it joins, in
//! the release binary (the benchmarking build has the same command, with the same
//! requirements).

use std::path::PathBuf;

use sc_sysinfo::{
	benchmark_cpu, benchmark_cpu_parallelism, benchmark_disk_random_writes,
	benchmark_disk_sequential_writes, benchmark_memory, benchmark_sr25519_verify, ExecutionLimit,
	Metric, Requirement, Requirements, Throughput,
};

/// The benchmarks of the release binary.
#[derive(Debug, clap::Subcommand)]
pub enum BenchmarkCmd {
	/// Measures this machine (CPU, memory, disk, signature checks) against what a Synergy
	/// validator needs.
	Machine(MachineCmd),
}

impl BenchmarkCmd {
	pub fn run(&self) -> Result<(), String> {
		match self {
			BenchmarkCmd::Machine(cmd) => cmd.run(),
		}
	}
}

/// The hardware check.
#[derive(Debug, clap::Parser)]
pub struct MachineCmd {
	/// Where the disk benchmarks write (the disk the node's database will be on); a temporary
	/// directory by default.
	#[arg(long, value_name = "PATH")]
	pub base_path: Option<PathBuf>,

	/// How long each benchmark runs, in seconds.
	#[arg(long, default_value_t = 5.0, value_name = "SECONDS")]
	pub duration: f32,

	/// How far below a requirement a score may be and still pass, in percent.
	#[arg(long, default_value_t = 10.0, value_name = "PERCENT")]
	pub tolerance: f64,

	/// Report a failed requirement without failing the command.
	#[arg(long)]
	pub allow_fail: bool,
}

/// What a validator needs: the scores of a current server core (hashing, signature checks and
/// memory bandwidth on one core, hashing on two at once) and of a local NVMe SSD. Blocks come
/// every six seconds and Aura gives their author two of them; a machine below these may miss
/// its slots when blocks are full.
pub fn requirements() -> Requirements {
	let required = |metric, mibs, validator_only| Requirement {
		metric,
		minimum: Throughput::from_mibs(mibs),
		validator_only,
	};
	Requirements(vec![
		required(Metric::Blake2256, 1_000.0, false),
		required(Metric::Blake2256Parallel { num_cores: 2 }, 1_000.0, true),
		required(Metric::Sr25519Verify, 0.62, false),
		required(Metric::MemCopy, 11_768.0, false),
		required(Metric::DiskSeqWrite, 950.0, false),
		required(Metric::DiskRndWrite, 420.0, false),
	])
}

/// One measured requirement.
pub struct Measured {
	pub requirement: Requirement,
	pub score: Throughput,
	pub passed: bool,
}

impl MachineCmd {
	/// Measures every requirement.
	pub fn measure(&self) -> Result<Vec<Measured>, String> {
		if !(0.0..=100.0).contains(&self.tolerance) {
			return Err(format!("--tolerance {} is not a percentage", self.tolerance));
		}
		let dir = match &self.base_path {
			Some(path) => path.clone(),
			None => std::env::temp_dir().join(format!("synergy-machine-{}", std::process::id())),
		};
		std::fs::create_dir_all(&dir)
			.map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
		let limit = ExecutionLimit::from_secs_f32(self.duration);
		let mut measured = Vec::new();
		for requirement in requirements().0 {
			let score = match requirement.metric {
				Metric::Blake2256 => benchmark_cpu(limit),
				Metric::Blake2256Parallel { num_cores } => {
					benchmark_cpu_parallelism(limit, num_cores)
				},
				Metric::Sr25519Verify => benchmark_sr25519_verify(limit),
				Metric::MemCopy => benchmark_memory(limit),
				Metric::DiskSeqWrite => benchmark_disk_sequential_writes(limit, &dir)?,
				Metric::DiskRndWrite => benchmark_disk_random_writes(limit, &dir)?,
			};
			let relative = score.as_bytes() / requirement.minimum.as_bytes();
			let passed = relative >= 1.0 - self.tolerance / 100.0;
			measured.push(Measured { requirement, score, passed });
		}
		if self.base_path.is_none() {
			let _ = std::fs::remove_dir_all(&dir);
		}
		Ok(measured)
	}

	pub fn run(&self) -> Result<(), String> {
		let measured = self.measure()?;
		println!("{:<8} {:<22} {:>14} {:>14} {:>7}  result", "", "", "score", "minimum", "%");
		for m in &measured {
			println!(
				"{:<8} {:<22} {:>14} {:>14} {:>6.0}%  {}",
				m.requirement.metric.category(),
				m.requirement.metric.name(),
				m.score.to_string(),
				m.requirement.minimum.to_string(),
				100.0 * m.score.as_bytes() / m.requirement.minimum.as_bytes(),
				if m.passed { "pass" } else { "FAIL" },
			);
		}
		let failed = measured.iter().filter(|m| !m.passed).count();
		println!(
			"{} of {} requirements met ({} % tolerance){}",
			measured.len() - failed,
			measured.len(),
			self.tolerance,
			if cfg!(debug_assertions) { "; a debug build: these scores mean nothing" } else { "" }
		);
		if failed > 0 && !self.allow_fail {
			return Err(format!(
				"this machine meets {} of {} of a validator's requirements",
				measured.len() - failed,
				measured.len()
			));
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used)]
	use super::*;

	#[test]
	fn every_requirement_is_measured_and_judged() {
		let cmd =
			MachineCmd { base_path: None, duration: 0.05, tolerance: 100.0, allow_fail: false };
		let measured = cmd.measure().unwrap();
		assert_eq!(measured.len(), requirements().0.len());
		// With a tolerance of 100 %, any score passes.
		assert!(measured.iter().all(|m| m.passed && m.score.as_bytes() > 0.0));
		assert!(cmd.run().is_ok());
		let bad = MachineCmd { tolerance: 101.0, ..cmd };
		assert!(bad.measure().is_err());
	}
}
