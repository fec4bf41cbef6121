use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	// The version names the commit it was built from: the checkout's, or the one given in
	// SUBSTRATE_CLI_GIT_COMMIT_HASH. The project's scripts build in a copy of the checkout's
	// files without git (scripts/common.sh, the build tree) and give it empty, so that a new
	// commit of the same files rebuilds nothing; their node's version names no commit.
	generate_cargo_keys();
	println!("cargo:rerun-if-env-changed=SUBSTRATE_CLI_GIT_COMMIT_HASH");
	if std::env::var_os("SUBSTRATE_CLI_GIT_COMMIT_HASH").is_none() {
		rerun_if_git_head_changed();
	}
}
