//! Benchmarks of every call and of the deciding hook, at the worst case: equations with every
//! project-defined kind, deadlines filed into full pages (so that filing opens a new one), the
//! vote that decides (admitting a member with points to bring back), revenue split among the
//! most organisers, the most pages of challenged contributions a block decides after a
//! backlog of empty blocks. `pay_revenue_among_participants` measures
//! a distribution with 10 … 100 000 participants' points in state, to show its cost does not
//! grow with them.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// Stops a benchmark whose setup failed, with the reason.
fn setup<R, E: core::fmt::Debug>(result: Result<R, E>) {
	if let Err(error) = result {
		panic!("benchmark setup failed: {error:?}");
	}
}

/// An amount ample for every payment of the benchmarks.
fn big<T: Config>() -> Amount {
	T::Currency::minimum_balance().saturating_mul(1_000_000_000)
}

/// A funded member.
fn member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::BenchmarkHelper::make_member(&who);
	let _ = T::Currency::set_balance(&who, big::<T>());
	who
}

/// The heaviest equation: every project-defined kind, with the longest names.
fn equation<T: Config>() -> EquationOf<T> {
	let kinds = (0..T::MaxCustomKinds::get())
		.map(|i| CustomKind {
			name: BoundedVec::truncate_from(alloc::vec![b'k'.saturating_add(i as u8); 32]),
			weight: 3,
		})
		.collect::<Vec<_>>();
	Equation {
		custom: BoundedVec::truncate_from(kinds),
		..Equation::customary(10u32.into(), 10u32.into())
	}
}

/// The kind of contribution the benchmarks record: the last project-defined one.
fn kind<T: Config>() -> Kind {
	Kind::Custom(T::MaxCustomKinds::get().saturating_sub(1) as u8)
}

/// A project of a founder and `others` more participants (organisers up to the bound, the
/// founder first); returns it and its participants. The founder, alone at first, admits them by
/// their own aye; the organisers are written in, as motions the participants carried would.
fn project<T: Config>(others: u32) -> (ProjectId, Vec<T::AccountId>) {
	let founder = member::<T>("founder", 0);
	let project = NextProjectId::<T>::get();
	setup(Pallet::<T>::create_project(
		RawOrigin::Signed(founder.clone()).into(),
		H256::zero(),
		equation::<T>(),
	));
	let others: Vec<T::AccountId> = (0..others).map(|i| member::<T>("participant", i)).collect();
	for who in &others {
		setup(Pallet::<T>::invite(RawOrigin::Signed(founder.clone()).into(), project, who.clone()));
	}
	for who in &others {
		setup(Pallet::<T>::join(RawOrigin::Signed(who.clone()).into(), project));
	}
	let mut stored = Projects::<T>::get(project).expect("created");
	for who in others.iter().take(T::MaxOrganisers::get().saturating_sub(1) as usize) {
		setup(stored.organisers.try_push(who.clone()));
	}
	Projects::<T>::insert(project, stored);
	let mut participants = alloc::vec![founder];
	participants.extend(others);
	advance::<T>(1u32.into());
	(project, participants)
}

/// Moves the block number on by `blocks`.
fn advance<T: Config>(blocks: BlockNumberFor<T>) {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(blocks));
}

/// The block a deadline filed now `period` from now falls in.
fn due_in<T: Config>(period: BlockNumberFor<T>) -> BlockNumberFor<T> {
	let now = frame_system::Pallet::<T>::block_number();
	now.saturating_add(period).max(now.saturating_add(1u32.into()))
}

/// The deadlines queued at block `at`.
fn queued_at<T: Config>(at: BlockNumberFor<T>) -> u32 {
	let overflow: u32 = (1..=DeadlinePages::<T>::get(at))
		.map(|page| DeadlineOverflow::<T>::get(at, page).len() as u32)
		.sum();
	(Deadlines::<T>::get(at).len() as u32).saturating_add(overflow)
}

/// Fills the deadlines of block `at` so that filing one more opens a new page: the costliest
/// filing (the block's first page and its last overflow page are full). The items name no
/// contribution, so the hook would skip them.
fn full_deadline_pages<T: Config>(at: BlockNumberFor<T>) {
	let now = frame_system::Pallet::<T>::block_number();
	let size = T::DeadlinePageSize::get();
	let mut queued = queued_at::<T>(at);
	while queued < size.saturating_mul(2) || !queued.is_multiple_of(size) {
		DueQueue::<T>::file(now, at, Due::Contribution(ContributionId::MAX));
		queued.saturating_inc();
	}
}

/// The last deadline filed at `at` opened a new overflow page.
fn opened_a_page<T: Config>(at: BlockNumberFor<T>) -> bool {
	let pages = DeadlinePages::<T>::get(at);
	pages >= 2 && DeadlineOverflow::<T>::get(at, pages).len() == 1
}

/// `who` records a contribution; returns its number.
fn recorded<T: Config>(project: ProjectId, who: &T::AccountId) -> ContributionId {
	let id = NextContributionId::<T>::get();
	setup(Pallet::<T>::record(
		RawOrigin::Signed(who.clone()).into(),
		project,
		kind::<T>(),
		5,
		H256::zero(),
	));
	id
}

/// A project whose participants all hold validated points, with revenue already shared once.
fn earning_project<T: Config>(others: u32) -> (ProjectId, Vec<T::AccountId>) {
	let (project, participants) = project::<T>(others);
	for who in &participants {
		let id = recorded::<T>(project, who);
		let mut contribution = Contributions::<T>::get(id).expect("recorded");
		// Its item stays queued, stale, as after a vote that decided it.
		Pallet::<T>::validate(id, &mut contribution, Validation::Approved);
		Contributions::<T>::insert(id, contribution);
	}
	let payer = member::<T>("payer", 0);
	setup(Pallet::<T>::pay_revenue(RawOrigin::Signed(payer).into(), project, big::<T>() / 10));
	(project, participants)
}

#[benchmarks(where T: Config)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_project() {
		let founder = member::<T>("founder", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(founder), H256::zero(), equation::<T>());
		assert!(Projects::<T>::contains_key(0));
	}

	/// The only participant's proposal, which passes at once; its deadline filed into full
	/// pages.
	#[benchmark]
	fn invite() {
		let (project, participants) = project::<T>(0);
		let who = member::<T>("invitee", 0);
		let at = due_in::<T>(equation::<T>().voting_period);
		full_deadline_pages::<T>(at);
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[0].clone()), project, who.clone());
		assert!(Invitations::<T>::contains_key(project, who));
		assert!(opened_a_page::<T>(at));
	}

	#[benchmark]
	fn request_to_join() {
		let (project, _) = project::<T>(0);
		let who = member::<T>("applicant", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), project);
		assert!(Requests::<T>::contains_key(project, who));
	}

	/// Joining again, with points.
	#[benchmark]
	fn join() {
		let (project, participants) = earning_project::<T>(T::MaxOrganisers::get());
		let who = participants[participants.len() - 1].clone();
		setup(Pallet::<T>::leave(RawOrigin::Signed(who.clone()).into(), project));
		// As an admission the participants passed leaves it.
		Invitations::<T>::insert(project, &who, ());
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), project);
		assert!(Pallet::<T>::participates(project, &who));
	}

	/// The only participant's proposal, which passes at once and brings back a member with
	/// points; its deadline filed into full pages.
	#[benchmark]
	fn admit() {
		let (project, participants) = earning_project::<T>(1);
		let who = participants[1].clone();
		setup(Pallet::<T>::leave(RawOrigin::Signed(who.clone()).into(), project));
		setup(Pallet::<T>::request_to_join(RawOrigin::Signed(who.clone()).into(), project));
		let at = due_in::<T>(equation::<T>().voting_period);
		full_deadline_pages::<T>(at);
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[0].clone()), project, who.clone());
		assert!(Pallet::<T>::participates(project, &who));
		assert!(opened_a_page::<T>(at));
	}

	/// The last of the most organisers leaves, with earnings to settle.
	#[benchmark]
	fn leave() {
		let (project, participants) = earning_project::<T>(T::MaxOrganisers::get());
		let who = participants[T::MaxOrganisers::get() as usize - 1].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), project);
		assert!(!Pallet::<T>::participates(project, &who));
	}

	/// The only other participant's proposal, which passes at once; its deadline filed into
	/// full pages.
	#[benchmark]
	fn appoint_organiser() {
		let (project, participants) = project::<T>(1);
		let mut stored = Projects::<T>::get(project).expect("created");
		let who = stored.organisers.pop().expect("organisers");
		Projects::<T>::insert(project, stored);
		let at = due_in::<T>(equation::<T>().voting_period);
		full_deadline_pages::<T>(at);
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[0].clone()), project, who.clone());
		assert!(Projects::<T>::get(project).is_some_and(|p| p.organisers.contains(&who)));
		assert!(opened_a_page::<T>(at));
	}

	/// The aye that passes an admission and brings back a member with points.
	#[benchmark]
	fn vote_on_motion() {
		let (project, participants) = earning_project::<T>(3);
		let who = participants[3].clone();
		setup(Pallet::<T>::leave(RawOrigin::Signed(who.clone()).into(), project));
		setup(Pallet::<T>::request_to_join(RawOrigin::Signed(who.clone()).into(), project));
		setup(Pallet::<T>::admit(
			RawOrigin::Signed(participants[0].clone()).into(),
			project,
			who.clone(),
		));
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[1].clone()), project, who.clone(), true);
		assert!(Pallet::<T>::participates(project, &who));
	}

	#[benchmark]
	fn set_min_fund_share() -> Result<(), BenchmarkError> {
		let origin =
			T::ParameterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let share = T::MaxMinFundShare::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, share);
		assert_eq!(MinFundShare::<T>::get(), share);
		Ok(())
	}

	/// A participant who is no longer a member, with earnings to settle.
	#[benchmark]
	fn remove_departed() {
		let (project, _) = earning_project::<T>(T::MaxOrganisers::get());
		let who: T::AccountId = account("departed", 0, SEED);
		let mut stored = Projects::<T>::get(project).expect("created");
		stored.participants.saturating_inc();
		stored.total_points = stored.total_points.saturating_add(10);
		Projects::<T>::insert(project, &stored);
		let share = Share {
			standing: Standing::Participant,
			since: frame_system::Pallet::<T>::block_number(),
			points: 10,
			seen: 0,
			owed: 0,
			claimed: 0,
		};
		Shares::<T>::insert(project, &who, share);
		ProjectsOf::<T>::insert(&who, project, ());
		// Its points came from a validated contribution.
		let id = NextContributionId::<T>::get();
		NextContributionId::<T>::put(id.saturating_add(1));
		Contributions::<T>::insert(
			id,
			Contribution {
				project,
				contributor: who.clone(),
				kind: Kind::Time,
				quantity: 10,
				evidence: H256::zero(),
				version: 0,
				points: 10,
				approvals_needed: 0,
				recorded: stored.created,
				status: Status::Validated { at: stored.created, by: Validation::Approved },
				due: None,
			},
		);
		let caller: T::AccountId = account("anyone", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), project, who.clone());
		assert!(!Pallet::<T>::participates(project, &who));
	}

	/// Its window's deadline filed into full pages.
	#[benchmark]
	fn record() {
		let (project, participants) = project::<T>(0);
		let window_ends = due_in::<T>(equation::<T>().challenge_period);
		full_deadline_pages::<T>(window_ends);
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[0].clone()), project, kind::<T>(), 5, H256::zero());
		assert_eq!(Contributions::<T>::get(0).and_then(|c| c.due), Some(window_ends));
		assert!(opened_a_page::<T>(window_ends));
	}

	/// An approval (which no longer validates: the window does).
	#[benchmark]
	fn approve() {
		let (project, participants) = earning_project::<T>(2);
		let id = recorded::<T>(project, &participants[0]);
		setup(Pallet::<T>::approve(RawOrigin::Signed(participants[1].clone()).into(), id));
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[2].clone()), id);
		assert!(matches!(
			Contributions::<T>::get(id).map(|c| c.status),
			Some(Status::Pending { approvals: 2, .. })
		));
	}

	/// The vote's deadline filed into full pages.
	#[benchmark]
	fn challenge() {
		let (project, participants) = project::<T>(3);
		let id = recorded::<T>(project, &participants[0]);
		let ends = due_in::<T>(equation::<T>().voting_period);
		full_deadline_pages::<T>(ends);
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[1].clone()), id);
		assert!(matches!(
			Contributions::<T>::get(id).map(|c| c.status),
			Some(Status::Challenged { .. })
		));
		assert!(opened_a_page::<T>(ends));
	}

	/// The vote that validates, settling the contributor's earnings and releasing the
	/// contributor's and challenger's counts (electorate 2: neither votes).
	#[benchmark]
	fn vote_on_contribution() {
		let (project, participants) = earning_project::<T>(3);
		let id = recorded::<T>(project, &participants[0]);
		setup(Pallet::<T>::challenge(RawOrigin::Signed(participants[1].clone()).into(), id));
		setup(Pallet::<T>::vote_on_contribution(
			RawOrigin::Signed(participants[2].clone()).into(),
			id,
			true,
		));
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[3].clone()), id, true);
		assert!(matches!(
			Contributions::<T>::get(id).map(|c| c.status),
			Some(Status::Validated { .. })
		));
	}

	/// Its deadline filed into full pages.
	#[benchmark]
	fn propose_equation() {
		let (project, participants) = project::<T>(2);
		let ends = due_in::<T>(equation::<T>().voting_period);
		full_deadline_pages::<T>(ends);
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[0].clone()), project, equation::<T>());
		assert!(EquationProposals::<T>::contains_key(project));
		assert!(opened_a_page::<T>(ends));
	}

	/// The aye that adopts it.
	#[benchmark]
	fn vote_on_equation() {
		let (project, participants) = project::<T>(2);
		setup(Pallet::<T>::propose_equation(
			RawOrigin::Signed(participants[0].clone()).into(),
			project,
			equation::<T>(),
		));
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[1].clone()), project, true);
		assert_eq!(Projects::<T>::get(project).map(|p| p.version), Some(1));
	}

	/// Split among the most organisers, with a fund share and a remainder.
	#[benchmark]
	fn pay_revenue() {
		let (project, _) = earning_project::<T>(T::MaxOrganisers::get());
		let payer = member::<T>("payer", 1);
		let amount = big::<T>() / 10 + 7;
		#[extrinsic_call]
		_(RawOrigin::Signed(payer), project, amount);
		assert!(Projects::<T>::get(project).is_some_and(|p| p.totals.remainder > 0));
	}

	/// A distribution with `10^e` participants' points in state: its cost must not depend on
	/// them. Measured by `scripts/measure-among-members.sh`.
	#[benchmark(extra)]
	fn pay_revenue_among_participants(e: Linear<1, 5>) {
		let (project, _) = earning_project::<T>(T::MaxOrganisers::get());
		let participants = 10u32.saturating_pow(e);
		let mut stored = Projects::<T>::get(project).expect("created");
		for i in 0..participants {
			let who: T::AccountId = account("holder", i, SEED);
			Shares::<T>::insert(
				project,
				&who,
				Share {
					standing: Standing::Participant,
					since: stored.created,
					points: 0,
					seen: stored.reward_per_point,
					owed: 0,
					claimed: 0,
				},
			);
		}
		stored.participants = stored.participants.saturating_add(participants);
		Projects::<T>::insert(project, stored);
		let payer = member::<T>("payer", 1);
		#[extrinsic_call]
		pay_revenue(RawOrigin::Signed(payer), project, big::<T>() / 10 + 7);
		assert!(Projects::<T>::get(project).is_some_and(|p| p.totals.remainder > 0));
	}

	/// An organiser's claim of both their shares.
	#[benchmark]
	fn claim() {
		let (project, participants) = earning_project::<T>(T::MaxOrganisers::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(participants[0].clone()), project);
		assert!(Shares::<T>::get(project, &participants[0]).is_some_and(|s| s.claimed > 0));
	}

	/// Nothing due, nothing waiting: the block reads the backlog and its first page.
	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert!(DeadlineBacklog::<T>::get().is_none());
	}

	/// `n` challenged contributions validated by their votes in one block, the most pages a
	/// block takes, settling their contributors' earnings and releasing their contributors' and
	/// challengers' counts, after `b` blocks stepped through (a backlog of `b - 1` empty blocks
	/// before theirs).
	#[benchmark]
	fn on_initialize_contributions(
		n: Linear<
			0,
			{ T::DeadlinePageSize::get().saturating_mul(T::DeadlinePagesPerBlock::get()) },
		>,
		b: Linear<1, { synergy_primitives::deadlines::MAX_BLOCKS_STEPPED }>,
	) {
		let (project, participants) = earning_project::<T>(T::MaxOrganisers::get());
		// Past the setup's own deadlines, so that the blocks stepped through are empty.
		advance::<T>(b.into());
		let ids: Vec<ContributionId> = (0..n)
			.map(|i| recorded::<T>(project, &participants[i as usize % participants.len()]))
			.collect();
		let now = frame_system::Pallet::<T>::block_number();
		let ends = now.saturating_add(equation::<T>().challenge_period);
		let electorate = (participants.len() as u32).saturating_sub(2);
		for (i, id) in ids.iter().enumerate() {
			let challenger = participants[i.saturating_add(1) % participants.len()].clone();
			PendingOf::<T>::mutate(&challenger, |pending| pending.saturating_inc());
			Contributions::<T>::mutate(id, |c| {
				if let Some(c) = c {
					// As a challenge whose vote ends with the window would leave it.
					c.status = Status::Challenged {
						challenger,
						approvals: 0,
						electorate,
						quorum: 1,
						opened: now,
						ends,
						accept: 1,
						reject: 0,
					};
				}
			});
		}
		DeadlineBacklog::<T>::put(ends.saturating_sub(b.saturating_sub(1).into()));
		frame_system::Pallet::<T>::set_block_number(ends);
		#[block]
		{
			Pallet::<T>::on_initialize(ends);
		}
		for id in ids {
			assert!(matches!(
				Contributions::<T>::get(id).map(|c| c.status),
				Some(Status::Validated { by: Validation::Vote, .. })
			));
		}
		assert!(Deadlines::<T>::get(ends).is_empty());
		assert!(DeadlineBacklog::<T>::get().is_none());
	}

	/// `n` equation votes of as many projects adopted in one block, the most pages a block
	/// takes.
	#[benchmark]
	fn on_initialize_equations(
		n: Linear<
			0,
			{ T::DeadlinePageSize::get().saturating_mul(T::DeadlinePagesPerBlock::get()) },
		>,
	) {
		let projects: Vec<(ProjectId, T::AccountId)> = (0..n)
			.map(|_| project::<T>(2))
			.map(|(p, participants)| (p, participants[0].clone()))
			.collect();
		// Proposed in the same block, so that their votes end together.
		for (project, proposer) in &projects {
			setup(Pallet::<T>::propose_equation(
				RawOrigin::Signed(proposer.clone()).into(),
				*project,
				equation::<T>(),
			));
			// The heavier outcome, adoption, as the bound (a real majority adopts at once, so
			// the hook refuses in practice).
			EquationProposals::<T>::mutate(project, |p| {
				if let Some(p) = p {
					p.ayes = p.electorate;
				}
			});
		}
		let ends =
			frame_system::Pallet::<T>::block_number().saturating_add(equation::<T>().voting_period);
		frame_system::Pallet::<T>::set_block_number(ends);
		#[block]
		{
			Pallet::<T>::on_initialize(ends);
		}
		for (project, _) in projects {
			assert_eq!(Projects::<T>::get(project).map(|p| p.version), Some(1));
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
