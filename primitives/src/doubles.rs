//! Test doubles of the cooperative around a pallet: members, blocks, bans, guarantees, conduct
//! and escrow standings that a mock runtime's tests set by hand, for the pallets whose mocks
//! stand in for the others (feature `test-doubles`, tests only).
//!
//! Accounts are `u64` and balances `u128`, as in every mock; the state is per test thread, and
//! [`reset`] clears it when a test's externalities are built.

use crate::{BlockedInspect, ClassId, Conduct, ConductInspect, EscrowStanding, MembershipInspect};
use alloc::vec::Vec;
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
};

/// An account of a mock runtime.
pub type AccountId = u64;
/// A balance of a mock runtime.
pub type Balance = u128;

#[derive(Default)]
struct Cooperative {
	members: BTreeSet<AccountId>,
	blocked: BTreeSet<AccountId>,
	banned: BTreeSet<AccountId>,
	/// Protégé → their guarantors, in order.
	guarantors: BTreeMap<AccountId, Vec<AccountId>>,
	/// Guarantor → their protégés, in order.
	proteges: BTreeMap<AccountId, Vec<AccountId>>,
	conduct: BTreeMap<AccountId, Conduct>,
	standing: BTreeMap<AccountId, EscrowStanding<Balance>>,
}

thread_local! {
	static COOPERATIVE: RefCell<Cooperative> = RefCell::new(Cooperative::default());
}

fn with<R>(f: impl FnOnce(&mut Cooperative) -> R) -> R {
	COOPERATIVE.with(|c| f(&mut c.borrow_mut()))
}

/// Forgets everything: no members, no guarantees, clean records.
pub fn reset() {
	with(|c| *c = Cooperative::default());
}

/// Makes `who` a member.
pub fn admit(who: AccountId) {
	with(|c| c.members.insert(who));
}

/// Ends the membership of `who`.
pub fn depart(who: AccountId) {
	with(|c| c.members.remove(&who));
}

/// Blocks `who`, as an open complaint would; `false` lifts it.
pub fn set_blocked(who: AccountId, blocked: bool) {
	with(|c| if blocked { c.blocked.insert(who) } else { c.blocked.remove(&who) });
}

/// Bans `who` from guaranteeing; `false` lifts it.
pub fn set_banned(who: AccountId, banned: bool) {
	with(|c| if banned { c.banned.insert(who) } else { c.banned.remove(&who) });
}

/// Records that `guarantor` guarantees `protege`.
pub fn guarantee(guarantor: AccountId, protege: AccountId) {
	with(|c| {
		c.guarantors.entry(protege).or_default().push(guarantor);
		c.proteges.entry(guarantor).or_default().push(protege);
	});
}

/// Sets the complaints' record of `who` (the ban comes from [`set_banned`]).
pub fn set_conduct(who: AccountId, conduct: Conduct) {
	with(|c| c.conduct.insert(who, conduct));
}

/// Sets the escrow behind `who`: its insured quantum and headroom.
pub fn set_insured(who: AccountId, insured_quantum: Balance, headroom: Balance) {
	with(|c| {
		c.standing.insert(
			who,
			EscrowStanding { insured_quantum, headroom, behind: headroom, ..Default::default() },
		)
	});
}

/// The escrow standing set for `who`.
pub fn standing(who: &AccountId) -> EscrowStanding<Balance> {
	with(|c| c.standing.get(who).cloned().unwrap_or_default())
}

/// The cooperative as the doubles tell it: membership, blocks and bans, conduct.
pub struct Doubles;

impl MembershipInspect<AccountId> for Doubles {
	fn is_member(who: &AccountId) -> bool {
		with(|c| c.members.contains(who))
	}
	fn is_in_good_standing(who: &AccountId) -> bool {
		with(|c| c.members.contains(who) && !c.blocked.contains(who))
	}
	fn class_of(_: &AccountId) -> Option<ClassId> {
		None
	}
	fn guarantors_of(who: &AccountId) -> Vec<AccountId> {
		with(|c| c.guarantors.get(who).cloned().unwrap_or_default())
	}
	fn member_count() -> u32 {
		with(|c| c.members.len() as u32)
	}
	fn membership_number(_: &AccountId) -> Option<u32> {
		None
	}
	fn next_membership_number() -> u32 {
		0
	}
	fn proteges_of(who: &AccountId) -> Vec<AccountId> {
		with(|c| c.proteges.get(who).cloned().unwrap_or_default())
	}
}

impl BlockedInspect<AccountId> for Doubles {
	fn is_blocked(who: &AccountId) -> bool {
		with(|c| c.blocked.contains(who))
	}
	fn is_under_review(_: &AccountId, _: &AccountId) -> bool {
		false
	}
	fn is_banned(who: &AccountId) -> bool {
		with(|c| c.banned.contains(who))
	}
}

impl ConductInspect<AccountId> for Doubles {
	fn conduct(who: &AccountId) -> Conduct {
		with(|c| {
			let mut conduct = c.conduct.get(who).copied().unwrap_or_default();
			conduct.banned = c.banned.contains(who);
			conduct
		})
	}
}
